import jsep from 'jsep';
import {
  type Comparison,
  DEBUG_ROOTS,
  type DebugRoot,
  ENVELOPE_NAMES,
  FUNCTION_ARITY,
  type PathRoot,
  QUERY_FUNCTIONS,
  type QueryFunction,
  type QueryNode,
} from './queryAst';
import { QueryError } from './queryError';
import { parseTimestamp } from '../model/timestamp';

/*
 * The content query language is read by jsep (a small, maintained JavaScript
 * expression parser that returns a tree and evaluates nothing): it gives
 * paths (`data.items[0].sku`, `data["odd key"]`), literals, lists, calls and
 * operators with precedence. The words a search box needs are added as
 * operators; the tree is then checked and reduced to the shapes in
 * queryAst.ts, so that the evaluator never sees anything jsep could parse but
 * the language does not mean. No `eval`/`new Function`: it runs in webviews
 * with a strict CSP, in the CLI and in the server alike.
 */
jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('contains', 7);
jsep.addBinaryOp('in', 7);
// `=` reads as `==`: people type SQL-style equality into a search box.
jsep.addBinaryOp('=', 6);
jsep.addUnaryOp('not');
// Arithmetic and bit operators would parse but mean nothing here; removing them gives an error at the right place instead.
for (const op of ['+', '-', '*', '/', '%', '|', '^', '&', '<<', '>>', '>>>', '===', '!==', '??']) jsep.removeBinaryOp(op);
for (const op of ['~', '+']) jsep.removeUnaryOp(op);
jsep.removeLiteral('this');

const COMPARISONS: Readonly<Record<string, Comparison>> = { '==': '==', '=': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const FLIPPED: Readonly<Record<Comparison, Comparison>> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'contains', 'in']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The names a query may start a path with, for error messages and completion. */
export const QUERY_NAMES: readonly string[] = ['data', 'metadata', ...Object.keys(ENVELOPE_NAMES)];

/** The names a debugger expression may also start with (see DebugRoot). */
export const DEBUG_QUERY_NAMES: readonly string[] = [...DEBUG_ROOTS, ...QUERY_NAMES];

export interface ParseOptions {
  /** Also accept `event`, `state` and `prev` (the debugger's conditions and watch expressions). */
  readonly debugRoots?: boolean;
}

/**
 * Reads a query into its checked tree, or throws a QueryError naming the
 * column and what was expected there.
 */
export function parseQuery(text: string, options: ParseOptions = {}): QueryNode {
  if (text.trim() === '') throw new QueryError('expected a condition, such as data.quantity > 10 or type == "trade_executed"', 0, text);
  return new TreeReader(text, options.debugRoots === true).condition(jsepTree(text));
}

/**
 * Reads a watch expression: a value (`state.balance`, `length(event.data.items)`)
 * or a condition (`state.balance < 0`), whichever the text is.
 */
export function parseExpression(text: string, options: ParseOptions = {}): QueryNode {
  if (text.trim() === '') throw new QueryError('expected an expression, such as state.balance or event.data.quantity > 10', 0, text);
  const tree = jsepTree(text);
  const reader = new TreeReader(text, options.debugRoots === true);
  const isValue =
    tree.type === 'Identifier' ||
    tree.type === 'MemberExpression' ||
    tree.type === 'ArrayExpression' ||
    (tree.type === 'Literal' && typeof (tree as jsep.Literal).value === 'number') ||
    (tree.type === 'CallExpression' && ['length', 'lower', 'upper'].includes(((tree as jsep.CallExpression).callee as jsep.Identifier).name)) ||
    (tree.type === 'UnaryExpression' && (tree as jsep.UnaryExpression).operator === '-');
  return isValue ? reader.value(tree) : reader.condition(tree);
}

function jsepTree(text: string): jsep.Expression {
  try {
    return jsep(text);
  } catch (error) {
    const { index, description } = error as { index?: number; description?: string };
    throw new QueryError(friendlyParseError(description ?? String(error)), typeof index === 'number' ? index : 0, text);
  }
}

function friendlyParseError(description: string): string {
  const text = description.replace(/^Expected expression/, 'expected a value').replace(/^Unexpected/, 'unexpected');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Walks jsep's tree in source order, keeping a cursor into the text so every node gets its offset. */
class TreeReader {
  private cursor = 0;

  constructor(
    private readonly text: string,
    private readonly debugRoots = false,
  ) {}

  /** A node used as a condition (where and/or/not expect true or false). */
  condition(node: jsep.Expression): QueryNode {
    switch (node.type) {
      case 'Compound':
        return this.compound(node as jsep.Compound);
      case 'BinaryExpression':
        return this.binary(node as jsep.BinaryExpression);
      case 'UnaryExpression':
        return this.unary(node as jsep.UnaryExpression);
      case 'Literal': {
        const literal = this.literal(node as jsep.Literal);
        // A quoted text alone searches the whole event; true/false are constant conditions.
        if (literal.kind === 'literal' && (typeof literal.value === 'string' || typeof literal.value === 'boolean')) return literal;
        throw new QueryError(`expected a condition, got ${describeValue(literal)} alone (compare it: data.x == ${(node as jsep.Literal).raw})`, literal.offset, this.text);
      }
      case 'Identifier':
      case 'MemberExpression':
        // A path alone holds when the field is there and not false or null.
        return this.path(node);
      case 'CallExpression': {
        const call = this.call(node as jsep.CallExpression);
        if (call.kind === 'call' && (call.fn === 'exists' || call.fn === 'startsWith' || call.fn === 'endsWith')) return call;
        throw new QueryError(`expected a condition, ${call.kind === 'call' ? call.fn : 'this'}(…) gives a value: compare it, e.g. length(data.items) > 2`, call.offset, this.text);
      }
      default:
        throw new QueryError(`expected a condition, got ${describeNode(node)}`, this.offsetOfFirstToken(node), this.text);
    }
  }

  /** A node used as a value (an operand of a comparison, contains or in). */
  value(node: jsep.Expression): QueryNode {
    switch (node.type) {
      case 'Literal':
        return this.literal(node as jsep.Literal);
      case 'Identifier':
      case 'MemberExpression':
        return this.path(node);
      case 'ArrayExpression': {
        const offset = this.find('[');
        const items = (node as jsep.ArrayExpression).elements.map((item) => {
          if (!item) throw new QueryError('expected a value in the list, got an empty place', this.cursor, this.text);
          return this.value(item);
        });
        this.find(']');
        return { kind: 'list', items, offset };
      }
      case 'CallExpression': {
        const call = this.call(node as jsep.CallExpression);
        if (call.kind === 'call' && (call.fn === 'length' || call.fn === 'lower' || call.fn === 'upper')) return call;
        throw new QueryError(`expected a value, ${call.kind === 'call' ? call.fn : 'this'}(…) is a condition`, call.offset, this.text);
      }
      case 'UnaryExpression': {
        const unary = node as jsep.UnaryExpression;
        // jsep reads -5 as minus applied to 5; a negative number is still a value.
        if (unary.operator === '-' && unary.argument.type === 'Literal' && typeof (unary.argument as jsep.Literal).value === 'number') {
          const offset = this.find('-');
          const literal = this.literal(unary.argument as jsep.Literal);
          return { kind: 'literal', value: -(literal.kind === 'literal' ? (literal.value as number) : 0), offset };
        }
        break;
      }
      default:
        break;
    }
    throw new QueryError(`expected a value (a path such as data.price, a number, "text", true, false, null or a [list]), got ${describeNode(node)}`, this.offsetOfFirstToken(node), this.text);
  }

  private compound(node: jsep.Compound): never {
    const [first, second] = node.body;
    this.condition(first);
    const offset = this.offsetOfFirstToken(second);
    const word = second.type === 'Identifier' ? (second as jsep.Identifier).name : undefined;
    if (word !== undefined && WORD_OPERATORS.has(word)) throw new QueryError(`expected a value after "${word}"`, offset + word.length, this.text);
    throw new QueryError('expected an operator here (and, or, ==, !=, <, <=, >, >=, contains, in)', offset, this.text);
  }

  private binary(node: jsep.BinaryExpression): QueryNode {
    const op = node.operator;
    const left = node.left;
    // jsep binds a prefix operator tighter than any binary one; `not a == 1` means `not (a == 1)`.
    if (left.type === 'UnaryExpression' && isNegation((left as jsep.UnaryExpression).operator) && op !== 'and' && op !== 'or' && op !== '&&' && op !== '||') {
      const negated = left as jsep.UnaryExpression;
      const offset = this.find(negated.operator);
      return { kind: 'not', operand: this.binary({ ...node, left: negated.argument }), offset };
    }
    if (op === 'and' || op === 'or' || op === '&&' || op === '||') {
      const left = this.condition(node.left);
      const offset = this.find(op);
      const right = this.condition(node.right);
      return { kind: op === 'and' || op === '&&' ? 'and' : 'or', left, right, offset };
    }
    const comparison = COMPARISONS[op];
    if (comparison !== undefined) {
      const left = this.value(node.left);
      const offset = this.find(op);
      const right = this.value(node.right);
      return this.comparison(comparison, left, right, offset);
    }
    if (op === 'contains' || op === 'in') {
      const left = this.value(node.left);
      const offset = this.find(op);
      const right = this.value(node.right);
      return { kind: op, left, right, offset };
    }
    this.value(node.left);
    throw new QueryError(`"${op}" is not an operator of the query language (use and, or, not, ==, !=, <, <=, >, >=, contains, in)`, this.find(op), this.text);
  }

  /** Time compared with an ISO string or epoch ms becomes a bounds check, resolved now so a bad date is reported here. */
  private comparison(op: Comparison, left: QueryNode, right: QueryNode, offset: number): QueryNode {
    if (isTimePath(left) && right.kind === 'literal') return this.timeCompare(op, right, offset);
    if (isTimePath(right) && left.kind === 'literal') return this.timeCompare(FLIPPED[op], left, offset);
    return { kind: 'compare', op, left, right, offset };
  }

  private timeCompare(op: Comparison, bound: QueryNode & { kind: 'literal' }, offset: number): QueryNode {
    if (typeof bound.value === 'number') return { kind: 'timeCompare', op, startMs: bound.value, endMs: bound.value, offset };
    if (typeof bound.value !== 'string') throw new QueryError(`expected an ISO date or date-time to compare time with, got ${describeValue(bound)}`, bound.offset, this.text);
    const range = instantRange(bound.value);
    if (!range) throw new QueryError(`expected an ISO date or date-time such as "2024-01-15" or "2024-01-15T10:30:00Z", got "${bound.value}"`, bound.offset, this.text);
    return { kind: 'timeCompare', op, startMs: range.start, endMs: range.end, offset };
  }

  private unary(node: jsep.UnaryExpression): QueryNode {
    if (isNegation(node.operator)) {
      const offset = this.find(node.operator);
      return { kind: 'not', operand: this.condition(node.argument), offset };
    }
    return this.value(node);
  }

  private literal(node: jsep.Literal): QueryNode {
    const offset = this.find(node.raw);
    const value = node.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return { kind: 'literal', value, offset };
    throw new QueryError(`unexpected ${node.raw}`, offset, this.text);
  }

  private call(node: jsep.CallExpression): QueryNode {
    if (node.callee.type !== 'Identifier') throw new QueryError(`expected a function name (${QUERY_FUNCTIONS.join(', ')})`, this.offsetOfFirstToken(node), this.text);
    const name = (node.callee as jsep.Identifier).name;
    const offset = this.find(name);
    if (!(QUERY_FUNCTIONS as readonly string[]).includes(name)) {
      throw new QueryError(`unknown function "${name}": expected one of ${QUERY_FUNCTIONS.join(', ')}`, offset, this.text);
    }
    const fn = name as QueryFunction;
    if (node.arguments.length !== FUNCTION_ARITY[fn]) {
      throw new QueryError(`${fn}(…) takes ${FUNCTION_ARITY[fn]} argument${FUNCTION_ARITY[fn] === 1 ? '' : 's'}, got ${node.arguments.length}`, offset, this.text);
    }
    const args = node.arguments.map((arg) => this.value(arg));
    if (fn === 'exists' && args[0].kind !== 'path') throw new QueryError('exists(…) takes a path, such as exists(data.discount)', args[0].offset, this.text);
    this.find(')');
    return { kind: 'call', fn, args, offset };
  }

  private path(node: jsep.Expression): QueryNode {
    const chain: jsep.Expression[] = [];
    let cursor: jsep.Expression = node;
    while (cursor.type === 'MemberExpression') {
      chain.unshift(cursor);
      cursor = (cursor as jsep.MemberExpression).object;
    }
    if (cursor.type !== 'Identifier') throw new QueryError(`expected a path starting with ${QUERY_NAMES.join(', ')}`, this.offsetOfFirstToken(cursor), this.text);
    const head = (cursor as jsep.Identifier).name;
    const offset = this.find(head);
    const steps: (string | number)[] = [];
    let root: PathRoot;
    const names = this.debugRoots ? DEBUG_QUERY_NAMES : QUERY_NAMES;
    if (head === 'data' || head === 'metadata') root = head;
    else if (this.debugRoots && (DEBUG_ROOTS as readonly string[]).includes(head)) root = head as DebugRoot;
    else if (ENVELOPE_NAMES[head] !== undefined) {
      root = ENVELOPE_NAMES[head].root;
      steps.push(...ENVELOPE_NAMES[head].steps);
    } else {
      if (WORD_OPERATORS.has(head)) throw new QueryError(`expected a value, got the operator "${head}"`, offset, this.text);
      throw new QueryError(`unknown name "${head}": a path starts with ${names.join(', ')}`, offset, this.text);
    }
    for (const member of chain as jsep.MemberExpression[]) {
      const property = member.property;
      if (!member.computed) {
        const name = (property as jsep.Identifier).name;
        this.find(name);
        steps.push(name);
        continue;
      }
      this.find('[');
      const key = this.value(property);
      if (key.kind !== 'literal' || (typeof key.value !== 'string' && typeof key.value !== 'number') || (typeof key.value === 'number' && !Number.isInteger(key.value))) {
        throw new QueryError('expected a whole number index such as [0] or [-1], or a quoted key such as ["odd key"]', key.offset, this.text);
      }
      steps.push(key.value);
      this.find(']');
    }
    if ((root === 'event_type' || root === 'time') && chain.length > 0) {
      throw new QueryError(`${head} is a single value: it has no fields`, offset, this.text);
    }
    // `event.data.x` is `data.x`: the same path, so it needs the same reads and matches the same way.
    if (root === 'event' && (steps[0] === 'data' || steps[0] === 'metadata')) return { kind: 'path', root: steps[0], steps: steps.slice(1), text: this.text.slice(offset, this.cursor), offset };
    if (root === 'event' && steps[0] === 'event_type' && steps.length === 1) return { kind: 'path', root: 'event_type', steps: [], text: this.text.slice(offset, this.cursor), offset };
    return { kind: 'path', root, steps, text: this.text.slice(offset, this.cursor), offset };
  }

  /** Offset of `token` at or after the cursor; moves the cursor past it. */
  private find(token: string): number {
    const at = this.text.indexOf(token, this.cursor);
    if (at < 0) return this.cursor;
    this.cursor = at + token.length;
    return at;
  }

  /** Where a node's text starts, without consuming it. */
  private offsetOfFirstToken(node: jsep.Expression): number {
    const token = firstTokenOf(node);
    const at = token === undefined ? -1 : this.text.indexOf(token, this.cursor);
    return at < 0 ? this.cursor : at;
  }
}

function firstTokenOf(node: jsep.Expression): string | undefined {
  switch (node.type) {
    case 'Identifier':
      return (node as jsep.Identifier).name;
    case 'Literal':
      return (node as jsep.Literal).raw;
    case 'MemberExpression':
      return firstTokenOf((node as jsep.MemberExpression).object);
    case 'CallExpression':
      return firstTokenOf((node as jsep.CallExpression).callee);
    case 'BinaryExpression':
      return firstTokenOf((node as jsep.BinaryExpression).left);
    case 'UnaryExpression':
      return (node as jsep.UnaryExpression).operator;
    case 'ArrayExpression':
      return '[';
    case 'Compound':
      return (node as jsep.Compound).body[0] ? firstTokenOf((node as jsep.Compound).body[0]) : undefined;
    default:
      return undefined;
  }
}

function isNegation(operator: string): boolean {
  return operator === 'not' || operator === '!';
}

function isTimePath(node: QueryNode): boolean {
  return node.kind === 'path' && node.root === 'time';
}

function describeValue(node: QueryNode): string {
  if (node.kind !== 'literal') return 'a value';
  if (node.value === null) return 'null';
  return typeof node.value === 'number' ? `the number ${node.value}` : JSON.stringify(node.value);
}

function describeNode(node: jsep.Expression): string {
  switch (node.type) {
    case 'ArrayExpression':
      return 'a [list]';
    case 'BinaryExpression':
    case 'UnaryExpression':
      return `"${(node as jsep.BinaryExpression).operator}"`;
    default:
      return 'this';
  }
}

/**
 * The instants an ISO text stands for: a date alone is its whole UTC day, a
 * date-time one instant (no zone: UTC, as the bus writes it). Null when not ISO.
 */
export function instantRange(text: string): { start: number; end: number } | null {
  if (DATE_ONLY.test(text)) {
    const start = parseTimestamp(`${text}T00:00:00Z`);
    return Number.isNaN(start) ? null : { start, end: start + DAY_MS - 1 };
  }
  const ms = parseTimestamp(text);
  return Number.isNaN(ms) ? null : { start: ms, end: ms };
}
