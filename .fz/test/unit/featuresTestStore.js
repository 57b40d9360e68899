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
exports.openFeatureStore = openFeatureStore;
exports.valueCursor = valueCursor;
exports.applyLineEdits = applyLineEdits;
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_url_1 = require("node:url");
const busConfig_1 = require("../../src/engine/config/busConfig");
const generateStore_1 = require("../../src/engine/generate/generateStore");
const openStore_1 = require("../../src/engine/openStore");
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
async function openFeatureStore(events = 3000) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'features-'));
    const summary = await (0, generateStore_1.generateStore)({ events, outDir: root, seed: 11, days: 2, withErrors: true });
    const engine = await (0, openStore_1.openStore)(root, { noCache: true, threads: 1 });
    const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(root);
    const ctx = {
        engine,
        registry,
        storeRoot: root,
        uriOf: (file) => (0, node_url_1.pathToFileURL)(path.join(root, file)).toString(),
        config: busConfig_1.DEFAULT_CONFIG,
    };
    const cache = new Map();
    const linesOf = (file) => {
        let lines = cache.get(file);
        if (!lines)
            cache.set(file, (lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n')));
        return lines;
    };
    return {
        ctx,
        summary,
        root,
        lineOf: (file, line) => linesOf(file)[line - 1],
        linesOf,
        close: async () => {
            await engine.close();
            fs.rmSync(root, { recursive: true, force: true });
        },
    };
}
/** The character just inside the value of an envelope key (`event_type`, or a metadata key) on an event line. */
function valueCursor(lineText, key) {
    const from = key === 'event_type' ? 0 : lineText.indexOf('"metadata"');
    const at = lineText.indexOf(`"${key}"`, from);
    if (at < 0)
        throw new Error(`no "${key}" in ${lineText}`);
    let k = lineText.indexOf(':', at + key.length + 2) + 1;
    while (lineText[k] === ' ')
        k++;
    return k + 1;
}
/** Applies LSP text edits that all lie on one line to that line's text. */
function applyLineEdits(lineText, edits) {
    let text = lineText;
    for (const edit of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
        text = text.slice(0, edit.range.start.character) + edit.newText + text.slice(Math.min(edit.range.end.character, text.length));
    }
    return text;
}
//# sourceMappingURL=featuresTestStore.js.map