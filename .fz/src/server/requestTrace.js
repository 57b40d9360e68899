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
exports.traceRequest = traceRequest;
const fs = __importStar(require("node:fs"));
/**
 * Opt-in timing of the custom requests, for the open-time bench: with
 * EVENTBUS_TRACE_REQUESTS=<file> each answered request appends one line
 * `<wall-clock ms> <method> <ms it took>` (waiting for the store
 * included), so where an editor's open time goes can be read afterwards.
 */
const traceFile = process.env.EVENTBUS_TRACE_REQUESTS;
function traceRequest(method, startedMs) {
    if (!traceFile)
        return;
    try {
        fs.appendFileSync(traceFile, `${Date.now()} ${method} ${Math.round(performance.now() - startedMs)}\n`);
    }
    catch {
        // A trace that cannot be written is no reason to fail the request.
    }
}
//# sourceMappingURL=requestTrace.js.map