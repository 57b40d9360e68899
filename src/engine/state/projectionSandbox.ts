'use strict';
/**
 * A fresh `node:vm` context for one projection module: only the JavaScript
 * built-ins (Object, Array, JSON, Math, Map...), no `require`, `process`,
 * `Buffer`, timers, `fs` or network, and no code generation from strings
 * (`eval`, `new Function`: the classic way back to the host's `Function`).
 * Nothing of the host realm is handed in: the module source is compiled in
 * the context, each event enters as a JSON string parsed and frozen there,
 * and user functions are called through a strict-mode function of the
 * context (so `fn.caller` and `arguments.callee.caller` reach nothing of
 * the host), with `Error.prepareStackTrace` locked (no call-site objects).
 *
 * It runs inside the projection worker, which keeps the memory limit and the
 * wall-time limit: the sandbox takes away powers, the worker bounds cost.
 */
import * as vm from 'node:vm';

/** What a module sees of the world; said in errors so a failing `require` is understood. */
export const SANDBOX_RULES = 'projections run sandboxed: no require, process, Buffer, timers, fs, child_process or network; plain JavaScript and the event data only';

/** Context-realm helpers; their source is compiled inside the context. */
interface SandboxHelpers {
  readonly call: (fn: unknown, a?: unknown, b?: unknown) => unknown;
  readonly eventOf: (json: string) => unknown;
  readonly clone: (value: unknown) => unknown;
  readonly newModule: () => { exports: unknown };
}

const HELPERS_SOURCE = `(() => {
  'use strict';
  Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
  Object.defineProperty(Error, 'captureStackTrace', { value: undefined, writable: false, configurable: false });
  const freeze = (root) => {
    const stack = [root];
    while (stack.length > 0) {
      const value = stack.pop();
      if (value === null || typeof value !== 'object' || Object.isFrozen(value)) continue;
      Object.freeze(value);
      for (const key of Object.keys(value)) stack.push(value[key]);
    }
    return root;
  };
  return Object.freeze({
    call: function (fn, a, b) { 'use strict'; return fn(a, b); },
    eventOf: function (json) { 'use strict'; return freeze(JSON.parse(json)); },
    clone: function (value) { 'use strict'; return value === undefined ? {} : JSON.parse(JSON.stringify(value)); },
    newModule: function () { 'use strict'; const module = { exports: {} }; return module; },
  });
})()`;

export interface SandboxedModule {
  /** `module.exports` (or its `default`) as the module left it: a context-realm value. */
  readonly exports: unknown;
  readonly helpers: SandboxHelpers;
}

/** Compiles and runs the module's source in a new context, CommonJS-shaped (`module.exports = {...}`). */
export function loadSandboxed(source: string, filename: string): SandboxedModule {
  const context = vm.createContext(Object.create(null) as object, {
    name: `projection ${filename}`,
    codeGeneration: { strings: false, wasm: false },
  });
  const helpers = vm.runInContext(HELPERS_SOURCE, context) as SandboxHelpers;
  const factory = vm.runInContext(`(function (module, exports) {${source}\n})`, context, { filename }) as unknown;
  const module = helpers.newModule();
  helpers.call(factory, module, module.exports);
  const loaded = module.exports as { default?: unknown } | null;
  return { exports: loaded !== null && typeof loaded === 'object' && loaded.default !== undefined ? loaded.default : loaded, helpers };
}

/** An error from the sandbox, with a hint when the module reached for something it does not have. */
export function describeSandboxError(error: unknown): string {
  const message = error instanceof Error || (error !== null && typeof error === 'object' && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
  return /\b(require|process|Buffer|setTimeout|setInterval|setImmediate|fetch|module|globalThis\.process) is not defined\b|Code generation from strings disallowed/.test(message)
    ? `${message} (${SANDBOX_RULES})`
    : message;
}
