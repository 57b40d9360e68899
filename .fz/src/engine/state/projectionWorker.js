"use strict";
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
/**
 * Worker-thread entry that runs one store projection module. The worker
 * bounds cost: the spawner (projectionRunner.ts) gives it a memory limit and
 * terminates it at a wall-time limit. The module itself runs in a fresh
 * `node:vm` context (projectionSandbox.ts) that has no require, process,
 * timers, fs or network: it receives frozen event data and returns data.
 * Loading still needs explicit trust (Workspace Trust, --allow-projections).
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
const projectionSandbox_1 = require("./projectionSandbox");
function describe(error) {
    return (0, projectionSandbox_1.describeSandboxError)(error);
}
function moduleShape(file) {
    let loaded;
    try {
        loaded = (0, projectionSandbox_1.loadSandboxed)(fs.readFileSync(file, 'utf8'), file);
    }
    catch (error) {
        return `could not be loaded: ${describe(error)}`;
    }
    const candidate = loaded.exports;
    if (candidate === null || typeof candidate !== 'object') {
        return 'does not export an object; expected module.exports = { name, initialState, apply(state, event) }';
    }
    let name;
    let initialState;
    let apply;
    try {
        ({ name, initialState, apply } = candidate);
    }
    catch (error) {
        return `its exports cannot be read: ${describe(error)}`;
    }
    if (typeof apply !== 'function')
        return 'exports no apply(state, event) function';
    if (name !== undefined && typeof name !== 'string')
        return `exports a name that is not a string (${typeof name})`;
    return {
        name: typeof name === 'string' && name.length > 0 ? name : path.basename(file).replace(/\.c?js$/, ''),
        initialState,
        apply,
        helpers: loaded.helpers,
    };
}
function main() {
    const port = node_worker_threads_1.parentPort;
    if (!port)
        return;
    const send = (message) => port.postMessage(message);
    const { file, describeOnly, startState, hasStartState } = node_worker_threads_1.workerData;
    const shape = moduleShape(file);
    if (typeof shape === 'string') {
        send({ type: 'error', message: shape });
        return;
    }
    send({ type: 'ready', name: shape.name });
    if (describeOnly) {
        port.close();
        return;
    }
    let state;
    try {
        // A snapshot's state to start from (copied into the sandbox), else the projection's own initial state.
        state = hasStartState
            ? shape.helpers.clone(startState)
            : typeof shape.initialState === 'function' ? shape.helpers.call(shape.initialState) : shape.helpers.clone(shape.initialState);
    }
    catch (error) {
        send({ type: 'error', message: `initialState failed: ${describe(error)}` });
        return;
    }
    let applied = 0;
    let failed = false;
    port.on('message', (message) => {
        if (failed)
            return;
        if (message.type === 'batch') {
            for (const event of message.events) {
                try {
                    // The event enters the sandbox as text, parsed and deep-frozen there: no host object crosses.
                    const next = shape.helpers.call(shape.apply, state, shape.helpers.eventOf(JSON.stringify(event)));
                    if (next !== undefined)
                        state = next;
                    applied++;
                }
                catch (error) {
                    failed = true;
                    send({
                        type: 'error',
                        message: `apply threw on event ${event.metadata?.event_id} (${event.event_type}, sequence ${event.metadata?.sequence_number}): ${describe(error)}`,
                        eventId: event.metadata?.event_id,
                    });
                    return;
                }
            }
            send({ type: 'ack', applied });
            return;
        }
        try {
            send({ type: 'result', state, applied });
        }
        catch (error) {
            failed = true;
            send({ type: 'error', message: `its state cannot be returned (it must be plain data): ${describe(error)}` });
        }
        port.close();
    });
}
main();
//# sourceMappingURL=projectionWorker.js.map