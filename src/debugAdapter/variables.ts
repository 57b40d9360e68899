import type { DebugProtocol } from '@vscode/debugprotocol';
import { structuralDiff } from '../engine/snapshot/structuralDiff';
import { pathText } from './statePaths';

/** Keys of an object shown at once; more are shown in ranges (a state can hold a million positions). */
export const OBJECT_CHUNK = 1000;
/** Differences listed at most (a rewritten state can differ everywhere). */
const CHANGES_SHOWN = 10_000;
/** An array longer than this is paged by the client (indexedVariables). */
const PREVIEW_CHARS = 120;

/** Something the Variables view can open. */
export type Container =
  | {
      readonly kind: 'value';
      readonly value: unknown;
      /** How the client's watch would name it (`state.positions`), when it is a state or an event field. */
      readonly evaluateName?: string;
      /** Set on a state's values: which aggregate and where in it (for data breakpoints). */
      readonly state?: { readonly aggregateId: string; readonly path: readonly (string | number)[] };
      /** For an object's key range: which keys. */
      readonly keys?: { readonly from: number; readonly to: number };
    }
  /** What an event changed, computed when the scope is opened (a big state's diff costs more than a step). */
  | { readonly kind: 'changes'; readonly before: unknown; readonly after: unknown }
  | { readonly kind: 'scopes'; readonly variables: readonly DebugProtocol.Variable[] };

/** A one-line preview of a JSON value. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `Array(${value.length}) ${preview(value)}`;
  if (value !== null && typeof value === 'object') return preview(value);
  return JSON.stringify(value) ?? String(value);
}

function preview(value: unknown): string {
  const text = boundedJson(value, PREVIEW_CHARS);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

/**
 * JSON.stringify's text of a state value, but only its start: it stops once
 * past `limit` characters. A preview of a 3,000-item list then costs what
 * it shows, not the whole list, on every step.
 */
function boundedJson(value: unknown, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const push = (text: string): boolean => {
    parts.push(text);
    length += text.length;
    return length <= limit;
  };
  const walk = (item: unknown): boolean => {
    if (item === null || typeof item !== 'object') return push(JSON.stringify(item) ?? 'null');
    if (Array.isArray(item)) {
      if (!push('[')) return false;
      for (let i = 0; i < item.length; i++) if ((i > 0 && !push(',')) || !walk(item[i])) return false;
      return push(']');
    }
    if (!push('{')) return false;
    let first = true;
    for (const [key, field] of Object.entries(item)) {
      // As JSON.stringify: fields it cannot write are left out of objects.
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      if (!push(`${first ? '' : ','}${JSON.stringify(key)}:`) || !walk(field)) return false;
      first = false;
    }
    return push('}');
  };
  walk(value);
  return parts.join('');
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === 'object';
}

/**
 * Variable handles for one stop: numbers the client uses to open a
 * container, valid until the replay moves (then they start again).
 */
export class VariableHandles {
  private readonly containers: Container[] = [];

  clear(): void {
    this.containers.length = 0;
  }

  add(container: Container): number {
    this.containers.push(container);
    return this.containers.length;
  }

  get(reference: number): Container | undefined {
    return this.containers[reference - 1];
  }

  /** The variable for a named value, with a handle when it can be opened. */
  variable(name: string, value: unknown, evaluateName?: string, state?: { aggregateId: string; path: readonly (string | number)[] }): DebugProtocol.Variable {
    const variable: DebugProtocol.Variable = { name, value: formatValue(value), variablesReference: 0, type: typeOf(value) };
    if (evaluateName !== undefined) variable.evaluateName = evaluateName;
    if (isContainer(value)) {
      variable.variablesReference = this.add({ kind: 'value', value, ...(evaluateName !== undefined ? { evaluateName } : {}), ...(state ? { state } : {}) });
      if (Array.isArray(value)) variable.indexedVariables = value.length;
      else if (Object.keys(value).length > OBJECT_CHUNK) variable.namedVariables = Math.ceil(Object.keys(value).length / OBJECT_CHUNK);
    }
    return variable;
  }

  /** The children of a container, a page of them when the client pages (`start`, `count`). */
  children(container: Container, args: DebugProtocol.VariablesArguments): DebugProtocol.Variable[] {
    if (container.kind === 'scopes') return [...container.variables];
    if (container.kind === 'changes') {
      return structuralDiff(container.before, container.after, CHANGES_SHOWN).map((d) => {
        const where = d.path === '' ? '(whole state)' : d.path;
        const text = d.kind === 'added' ? `added ${formatValue(d.after)}` : d.kind === 'removed' ? `removed (was ${formatValue(d.before)})` : `${formatValue(d.before)} → ${formatValue(d.after)}`;
        return { name: where, value: text, variablesReference: 0 };
      });
    }
    const { value, evaluateName, state } = container;
    const child = (key: string | number, item: unknown): DebugProtocol.Variable =>
      this.variable(
        Array.isArray(value) ? `[${key}]` : String(key),
        item,
        evaluateName !== undefined ? `${evaluateName}${pathText([key])}` : undefined,
        state ? { aggregateId: state.aggregateId, path: [...state.path, key] } : undefined,
      );
    if (Array.isArray(value)) {
      const start = args.start ?? 0;
      const end = args.count ? Math.min(value.length, start + args.count) : value.length;
      const out: DebugProtocol.Variable[] = [];
      for (let i = start; i < end; i++) out.push(child(i, value[i]));
      return out;
    }
    if (!isContainer(value)) return [];
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (container.keys) return keys.slice(container.keys.from, container.keys.to).map((k) => child(k, record[k]));
    if (keys.length > OBJECT_CHUNK) {
      // Ranges of keys, each opened on demand: the client never receives a million variables at once.
      const ranges: DebugProtocol.Variable[] = [];
      for (let from = 0; from < keys.length; from += OBJECT_CHUNK) {
        const to = Math.min(keys.length, from + OBJECT_CHUNK);
        ranges.push({ name: `[${from}…${to - 1}]`, value: `keys ${keys[from]} … ${keys[to - 1]}`, variablesReference: this.add({ ...container, keys: { from, to } }) });
      }
      return ranges;
    }
    return keys.map((k) => child(k, record[k]));
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
