'use strict';
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.SANDBOX_RULES = void 0;
exports.loadSandboxed = loadSandboxed;
exports.describeSandboxError = describeSandboxError;
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
const vm = __importStar(require("node:vm"));
/** What a module sees of the world; said in errors so a failing `require` is understood. */
exports.SANDBOX_RULES = 'projections run sandboxed: no require, process, Buffer, timers, fs, child_process or network; plain JavaScript and the event data only';
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
/** Compiles and runs the module's source in a new context, CommonJS-shaped (`module.exports = {...}`). */
function loadSandboxed(source, filename) {
    const context = vm.createContext(Object.create(null), {
        name: `projection ${filename}`,
        codeGeneration: { strings: false, wasm: false },
    });
    const helpers = vm.runInContext(HELPERS_SOURCE, context);
    const factory = vm.runInContext(`(function (module, exports) {${source}\n})`, context, { filename });
    const module = helpers.newModule();
    helpers.call(factory, module, module.exports);
    const loaded = module.exports;
    return { exports: loaded !== null && typeof loaded === 'object' && loaded.default !== undefined ? loaded.default : loaded, helpers };
}
/** An error from the sandbox, with a hint when the module reached for something it does not have. */
function describeSandboxError(error) {
    const message = error instanceof Error || (error !== null && typeof error === 'object' && 'message' in error) ? String(error.message) : String(error);
    return /\b(require|process|Buffer|setTimeout|setInterval|setImmediate|fetch|module|globalThis\.process) is not defined\b|Code generation from strings disallowed/.test(message)
        ? `${message} (${exports.SANDBOX_RULES})`
        : message;
}
//# sourceMappingURL=projectionSandbox.js.map