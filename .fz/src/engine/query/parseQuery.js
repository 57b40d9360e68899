"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEBUG_QUERY_NAMES = exports.QUERY_NAMES = void 0;
exports.parseQuery = parseQuery;
exports.parseExpression = parseExpression;
exports.instantRange = instantRange;
const jsep_1 = __importDefault(require("jsep"));
const queryAst_1 = require("./queryAst");
const queryError_1 = require("./queryError");
const timestamp_1 = require("../model/timestamp");
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
jsep_1.default.addBinaryOp('or', 1);
jsep_1.default.addBinaryOp('and', 2);
jsep_1.default.addBinaryOp('contains', 7);
jsep_1.default.addBinaryOp('in', 7);
// `=` reads as `==`: people type SQL-style equality into a search box.
jsep_1.default.addBinaryOp('=', 6);
jsep_1.default.addUnaryOp('not');
// Arithmetic and bit operators would parse but mean nothing here; removing them gives an error at the right place instead.
for (const op of ['+', '-', '*', '/', '%', '|', '^', '&', '<<', '>>', '>>>', '===', '!==', '??'])
    jsep_1.default.removeBinaryOp(op);
for (const op of ['~', '+'])
    jsep_1.default.removeUnaryOp(op);
jsep_1.default.removeLiteral('this');
const COMPARISONS = { '==': '==', '=': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const FLIPPED = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'contains', 'in']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** The names a query may start a path with, for error messages and completion. */
exports.QUERY_NAMES = ['data', 'metadata', ...Object.keys(queryAst_1.ENVELOPE_NAMES)];
/** The names a debugger expression may also start with (see DebugRoot). */
exports.DEBUG_QUERY_NAMES = [...queryAst_1.DEBUG_ROOTS, ...exports.QUERY_NAMES];
/**
 * Reads a query into its checked tree, or throws a QueryError naming the
 * column and what was expected there.
 */
function parseQuery(text, options = {}) {
    if (text.trim() === '')
        throw new queryError_1.QueryError('expected a condition, such as data.quantity > 10 or type == "trade_executed"', 0, text);
    return new TreeReader(text, options.debugRoots === true).condition(jsepTree(text));
}
/**
 * Reads a watch expression: a value (`state.balance`, `length(event.data.items)`)
 * or a condition (`state.balance < 0`), whichever the text is.
 */
function parseExpression(text, options = {}) {
    if (text.trim() === '')
        throw new queryError_1.QueryError('expected an expression, such as state.balance or event.data.quantity > 10', 0, text);
    const tree = jsepTree(text);
    const reader = new TreeReader(text, options.debugRoots === true);
    const isValue = tree.type === 'Identifier' ||
        tree.type === 'MemberExpression' ||
        tree.type === 'ArrayExpression' ||
        (tree.type === 'Literal' && typeof tree.value === 'number') ||
        (tree.type === 'CallExpression' && ['length', 'lower', 'upper'].includes(tree.callee.name)) ||
        (tree.type === 'UnaryExpression' && tree.operator === '-');
    return isValue ? reader.value(tree) : reader.condition(tree);
}
function jsepTree(text) {
    try {
        return (0, jsep_1.default)(text);
    }
    catch (error) {
        const { index, description } = error;
        throw new queryError_1.QueryError(friendlyParseError(description ?? String(error)), typeof index === 'number' ? index : 0, text);
    }
}
function friendlyParseError(description) {
    const text = description.replace(/^Expected expression/, 'expected a value').replace(/^Unexpected/, 'unexpected');
    return text.charAt(0).toLowerCase() + text.slice(1);
}
/** Walks jsep's tree in source order, keeping a cursor into the text so every node gets its offset. */
class TreeReader {
    text;
    debugRoots;
    cursor = 0;
    constructor(text, debugRoots = false) {
        this.text = text;
        this.debugRoots = debugRoots;
    }
    /** A node used as a condition (where and/or/not expect true or false). */
    condition(node) {
        switch (node.type) {
            case 'Compound':
                return this.compound(node);
            case 'BinaryExpression':
                return this.binary(node);
            case 'UnaryExpression':
                return this.unary(node);
            case 'Literal': {
                const literal = this.literal(node);
                // A quoted text alone searches the whole event; true/false are constant conditions.
                if (literal.kind === 'literal' && (typeof literal.value === 'string' || typeof literal.value === 'boolean'))
                    return literal;
                throw new queryError_1.QueryError(`expected a condition, got ${describeValue(literal)} alone (compare it: data.x == ${node.raw})`, literal.offset, this.text);
            }
            case 'Identifier':
            case 'MemberExpression':
                // A path alone holds when the field is there and not false or null.
                return this.path(node);
            case 'CallExpression': {
                const call = this.call(node);
                if (call.kind === 'call' && (call.fn === 'exists' || call.fn === 'startsWith' || call.fn === 'endsWith'))
                    return call;
                throw new queryError_1.QueryError(`expected a condition, ${call.kind === 'call' ? call.fn : 'this'}(…) gives a value: compare it, e.g. length(data.items) > 2`, call.offset, this.text);
            }
            default:
                throw new queryError_1.QueryError(`expected a condition, got ${describeNode(node)}`, this.offsetOfFirstToken(node), this.text);
        }
    }
    /** A node used as a value (an operand of a comparison, contains or in). */
    value(node) {
        switch (node.type) {
            case 'Literal':
                return this.literal(node);
            case 'Identifier':
            case 'MemberExpression':
                return this.path(node);
            case 'ArrayExpression': {
                const offset = this.find('[');
                const items = node.elements.map((item) => {
                    if (!item)
                        throw new queryError_1.QueryError('expected a value in the list, got an empty place', this.cursor, this.text);
                    return this.value(item);
                });
                this.find(']');
                return { kind: 'list', items, offset };
            }
            case 'CallExpression': {
                const call = this.call(node);
                if (call.kind === 'call' && (call.fn === 'length' || call.fn === 'lower' || call.fn === 'upper'))
                    return call;
                throw new queryError_1.QueryError(`expected a value, ${call.kind === 'call' ? call.fn : 'this'}(…) is a condition`, call.offset, this.text);
            }
            case 'UnaryExpression': {
                const unary = node;
                // jsep reads -5 as minus applied to 5; a negative number is still a value.
                if (unary.operator === '-' && unary.argument.type === 'Literal' && typeof unary.argument.value === 'number') {
                    const offset = this.find('-');
                    const literal = this.literal(unary.argument);
                    return { kind: 'literal', value: -(literal.kind === 'literal' ? literal.value : 0), offset };
                }
                break;
            }
            default:
                break;
        }
        throw new queryError_1.QueryError(`expected a value (a path such as data.price, a number, "text", true, false, null or a [list]), got ${describeNode(node)}`, this.offsetOfFirstToken(node), this.text);
    }
    compound(node) {
        const [first, second] = node.body;
        this.condition(first);
        const offset = this.offsetOfFirstToken(second);
        const word = second.type === 'Identifier' ? second.name : undefined;
        if (word !== undefined && WORD_OPERATORS.has(word))
            throw new queryError_1.QueryError(`expected a value after "${word}"`, offset + word.length, this.text);
        throw new queryError_1.QueryError('expected an operator here (and, or, ==, !=, <, <=, >, >=, contains, in)', offset, this.text);
    }
    binary(node) {
        const op = node.operator;
        const left = node.left;
        // jsep binds a prefix operator tighter than any binary one; `not a == 1` means `not (a == 1)`.
        if (left.type === 'UnaryExpression' && isNegation(left.operator) && op !== 'and' && op !== 'or' && op !== '&&' && op !== '||') {
            const negated = left;
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
        throw new queryError_1.QueryError(`"${op}" is not an operator of the query language (use and, or, not, ==, !=, <, <=, >, >=, contains, in)`, this.find(op), this.text);
    }
    /** Time compared with an ISO string or epoch ms becomes a bounds check, resolved now so a bad date is reported here. */
    comparison(op, left, right, offset) {
        if (isTimePath(left) && right.kind === 'literal')
            return this.timeCompare(op, right, offset);
        if (isTimePath(right) && left.kind === 'literal')
            return this.timeCompare(FLIPPED[op], left, offset);
        return { kind: 'compare', op, left, right, offset };
    }
    timeCompare(op, bound, offset) {
        if (typeof bound.value === 'number')
            return { kind: 'timeCompare', op, startMs: bound.value, endMs: bound.value, offset };
        if (typeof bound.value !== 'string')
            throw new queryError_1.QueryError(`expected an ISO date or date-time to compare time with, got ${describeValue(bound)}`, bound.offset, this.text);
        const range = instantRange(bound.value);
        if (!range)
            throw new queryError_1.QueryError(`expected an ISO date or date-time such as "2024-01-15" or "2024-01-15T10:30:00Z", got "${bound.value}"`, bound.offset, this.text);
        return { kind: 'timeCompare', op, startMs: range.start, endMs: range.end, offset };
    }
    unary(node) {
        if (isNegation(node.operator)) {
            const offset = this.find(node.operator);
            return { kind: 'not', operand: this.condition(node.argument), offset };
        }
        return this.value(node);
    }
    literal(node) {
        const offset = this.find(node.raw);
        const value = node.value;
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
            return { kind: 'literal', value, offset };
        throw new queryError_1.QueryError(`unexpected ${node.raw}`, offset, this.text);
    }
    call(node) {
        if (node.callee.type !== 'Identifier')
            throw new queryError_1.QueryError(`expected a function name (${queryAst_1.QUERY_FUNCTIONS.join(', ')})`, this.offsetOfFirstToken(node), this.text);
        const name = node.callee.name;
        const offset = this.find(name);
        if (!queryAst_1.QUERY_FUNCTIONS.includes(name)) {
            throw new queryError_1.QueryError(`unknown function "${name}": expected one of ${queryAst_1.QUERY_FUNCTIONS.join(', ')}`, offset, this.text);
        }
        const fn = name;
        if (node.arguments.length !== queryAst_1.FUNCTION_ARITY[fn]) {
            throw new queryError_1.QueryError(`${fn}(…) takes ${queryAst_1.FUNCTION_ARITY[fn]} argument${queryAst_1.FUNCTION_ARITY[fn] === 1 ? '' : 's'}, got ${node.arguments.length}`, offset, this.text);
        }
        const args = node.arguments.map((arg) => this.value(arg));
        if (fn === 'exists' && args[0].kind !== 'path')
            throw new queryError_1.QueryError('exists(…) takes a path, such as exists(data.discount)', args[0].offset, this.text);
        this.find(')');
        return { kind: 'call', fn, args, offset };
    }
    path(node) {
        const chain = [];
        let cursor = node;
        while (cursor.type === 'MemberExpression') {
            chain.unshift(cursor);
            cursor = cursor.object;
        }
        if (cursor.type !== 'Identifier')
            throw new queryError_1.QueryError(`expected a path starting with ${exports.QUERY_NAMES.join(', ')}`, this.offsetOfFirstToken(cursor), this.text);
        const head = cursor.name;
        const offset = this.find(head);
        const steps = [];
        let root;
        const names = this.debugRoots ? exports.DEBUG_QUERY_NAMES : exports.QUERY_NAMES;
        if (head === 'data' || head === 'metadata')
            root = head;
        else if (this.debugRoots && queryAst_1.DEBUG_ROOTS.includes(head))
            root = head;
        else if (queryAst_1.ENVELOPE_NAMES[head] !== undefined) {
            root = queryAst_1.ENVELOPE_NAMES[head].root;
            steps.push(...queryAst_1.ENVELOPE_NAMES[head].steps);
        }
        else {
            if (WORD_OPERATORS.has(head))
                throw new queryError_1.QueryError(`expected a value, got the operator "${head}"`, offset, this.text);
            throw new queryError_1.QueryError(`unknown name "${head}": a path starts with ${names.join(', ')}`, offset, this.text);
        }
        for (const member of chain) {
            const property = member.property;
            if (!member.computed) {
                const name = property.name;
                this.find(name);
                steps.push(name);
                continue;
            }
            this.find('[');
            const key = this.value(property);
            if (key.kind !== 'literal' || (typeof key.value !== 'string' && typeof key.value !== 'number') || (typeof key.value === 'number' && !Number.isInteger(key.value))) {
                throw new queryError_1.QueryError('expected a whole number index such as [0] or [-1], or a quoted key such as ["odd key"]', key.offset, this.text);
            }
            steps.push(key.value);
            this.find(']');
        }
        if ((root === 'event_type' || root === 'time') && chain.length > 0) {
            throw new queryError_1.QueryError(`${head} is a single value: it has no fields`, offset, this.text);
        }
        // `event.data.x` is `data.x`: the same path, so it needs the same reads and matches the same way.
        if (root === 'event' && (steps[0] === 'data' || steps[0] === 'metadata'))
            return { kind: 'path', root: steps[0], steps: steps.slice(1), text: this.text.slice(offset, this.cursor), offset };
        if (root === 'event' && steps[0] === 'event_type' && steps.length === 1)
            return { kind: 'path', root: 'event_type', steps: [], text: this.text.slice(offset, this.cursor), offset };
        return { kind: 'path', root, steps, text: this.text.slice(offset, this.cursor), offset };
    }
    /** Offset of `token` at or after the cursor; moves the cursor past it. */
    find(token) {
        const at = this.text.indexOf(token, this.cursor);
        if (at < 0)
            return this.cursor;
        this.cursor = at + token.length;
        return at;
    }
    /** Where a node's text starts, without consuming it. */
    offsetOfFirstToken(node) {
        const token = firstTokenOf(node);
        const at = token === undefined ? -1 : this.text.indexOf(token, this.cursor);
        return at < 0 ? this.cursor : at;
    }
}
function firstTokenOf(node) {
    switch (node.type) {
        case 'Identifier':
            return node.name;
        case 'Literal':
            return node.raw;
        case 'MemberExpression':
            return firstTokenOf(node.object);
        case 'CallExpression':
            return firstTokenOf(node.callee);
        case 'BinaryExpression':
            return firstTokenOf(node.left);
        case 'UnaryExpression':
            return node.operator;
        case 'ArrayExpression':
            return '[';
        case 'Compound':
            return node.body[0] ? firstTokenOf(node.body[0]) : undefined;
        default:
            return undefined;
    }
}
function isNegation(operator) {
    return operator === 'not' || operator === '!';
}
function isTimePath(node) {
    return node.kind === 'path' && node.root === 'time';
}
function describeValue(node) {
    if (node.kind !== 'literal')
        return 'a value';
    if (node.value === null)
        return 'null';
    return typeof node.value === 'number' ? `the number ${node.value}` : JSON.stringify(node.value);
}
function describeNode(node) {
    switch (node.type) {
        case 'ArrayExpression':
            return 'a [list]';
        case 'BinaryExpression':
        case 'UnaryExpression':
            return `"${node.operator}"`;
        default:
            return 'this';
    }
}
/**
 * The instants an ISO text stands for: a date alone is its whole UTC day, a
 * date-time one instant (no zone: UTC, as the bus writes it). Null when not ISO.
 */
function instantRange(text) {
    if (DATE_ONLY.test(text)) {
        const start = (0, timestamp_1.parseTimestamp)(`${text}T00:00:00Z`);
        return Number.isNaN(start) ? null : { start, end: start + DAY_MS - 1 };
    }
    const ms = (0, timestamp_1.parseTimestamp)(text);
    return Number.isNaN(ms) ? null : { start: ms, end: ms };
}
//# sourceMappingURL=parseQuery.js.map