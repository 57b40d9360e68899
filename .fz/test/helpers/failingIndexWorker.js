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
 * Stand-ins for the index worker, to prove a cold build survives a worker
 * that dies: `scan` fails before scanning anything (the build is done again
 * on the calling thread), `ids` scans like the real worker but dies when
 * asked to fill the event-id table (the calling thread fills it).
 */
const path = __importStar(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
/** Which stand-in: set by the test before the build (workers see the process's environment). */
const phase = process.env.EVENTBUS_FAIL_INDEX_WORKER;
if (phase === 'ids' && node_worker_threads_1.parentPort) {
    const port = node_worker_threads_1.parentPort;
    const once = port.once.bind(port);
    // The real worker waits for the id columns with once('message'): that message kills it instead.
    port.once = ((event, listener) => event === 'message'
        ? once('message', () => {
            throw new Error('index worker stand-in: dies while filling the id table');
        })
        : once(event, listener));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real worker, run in this thread after the hook above
    require(path.join(__dirname, '..', '..', 'src', 'engine', 'index', 'indexWorker.js'));
}
else {
    throw new Error('index worker stand-in: dies before scanning');
}
//# sourceMappingURL=failingIndexWorker.js.map