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
exports.openStore = exports.path = exports.fs = void 0;
/**
 * The engine's measurements, one per process run (`engineBench.js <name> <store>`),
 * each printing `{ figures: [...] }` as its last line. Orchestrated by run.js.
 */
const fs = __importStar(require("node:fs"));
exports.fs = fs;
const path = __importStar(require("node:path"));
exports.path = path;
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
Object.defineProperty(exports, "openStore", { enumerable: true, get: function () { return openStore_1.openStore; } });
const backendMeasures_1 = require("./backendMeasures");
const crashMeasures_1 = require("./crashMeasures");
const debugMeasures_1 = require("./debugMeasures");
const fuzzMeasures_1 = require("./fuzzMeasures");
const hardeningBench_1 = require("./hardeningBench");
const loadMeasures_1 = require("./loadMeasures");
const lspMeasures_1 = require("./lspMeasures");
const streamingMeasures_1 = require("./streamingMeasures");
const timelineFollowMeasure_1 = require("./timelineFollowMeasure");
const timelineMeasures_1 = require("./timelineMeasures");
const viewsMeasures_1 = require("./viewsMeasures");
const vscodeOpenMeasures_1 = require("./vscodeOpenMeasures");
const wholeProcessMeasures_1 = require("./wholeProcessMeasures");
const measures_1 = require("./measures");
const measures = [...measures_1.measures, ...lspMeasures_1.lspMeasures, ...viewsMeasures_1.viewsMeasures, ...timelineMeasures_1.timelineMeasures, ...timelineFollowMeasure_1.timelineFollowMeasures, ...crashMeasures_1.crashMeasures, ...fuzzMeasures_1.fuzzMeasures, ...loadMeasures_1.loadMeasures, ...wholeProcessMeasures_1.wholeProcessMeasures, ...streamingMeasures_1.streamingMeasures, ...vscodeOpenMeasures_1.vscodeOpenMeasures, ...hardeningBench_1.hardeningMeasures, ...debugMeasures_1.debugMeasures, ...backendMeasures_1.backendMeasures];
async function main() {
    const [name, store, extra] = process.argv.slice(2);
    if (name === 'list') {
        print({ measures: measures.map((m) => ({ name: m.name, runs: m.runs })) });
        return;
    }
    if (name === 'generate') {
        const started = performance.now();
        const summary = await (0, generateStore_1.generateStore)({ events: Number(extra), outDir: store, seed: 42 });
        print({ ms: performance.now() - started, bytes: summary.bytes, files: summary.files.length });
        return;
    }
    const measure = measures.find((m) => m.name === name);
    if (!measure)
        throw new Error(`no measurement named ${name}`);
    const figures = await measure.run(store);
    print({ figures });
}
function print(value) {
    process.stdout.write(`${JSON.stringify(value)}\n`);
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
//# sourceMappingURL=engineBench.js.map