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
exports.writeOwnVocabularyStore = writeOwnVocabularyStore;
exports.renameVocabulary = renameVocabulary;
exports.ownVocabularyConfig = ownVocabularyConfig;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const readline = __importStar(require("node:readline"));
/**
 * A store whose event types and statuses are its own: the generator's store
 * with every type renamed `acme.<type>` (so no schema folder and no
 * built-in type knows it: EB011) and the status `completed` written `done`
 * (EB020). On the 1M store that is ~1.8-2M findings: what `validate` must
 * stream and summarise. Schemas and snapshots are left out.
 */
async function writeOwnVocabularyStore(source, target) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.join(target, 'events'), { recursive: true });
    let events = 0;
    for (const name of fs.readdirSync(path.join(source, 'events')).sort()) {
        if (!name.endsWith('.jsonl'))
            continue;
        const input = readline.createInterface({ input: fs.createReadStream(path.join(source, 'events', name)), crlfDelay: Infinity });
        const output = fs.createWriteStream(path.join(target, 'events', name));
        let batch = '';
        for await (const line of input) {
            if (line.length === 0)
                continue;
            batch += `${renameVocabulary(line)}\n`;
            events++;
            if (batch.length > 1 << 20) {
                if (!output.write(batch))
                    await new Promise((resolve) => output.once('drain', () => resolve()));
                batch = '';
            }
        }
        output.write(batch);
        await new Promise((resolve, reject) => output.end((error) => (error ? reject(error) : resolve())));
    }
    return { events };
}
/** The line with its type prefixed and `completed` spelled `done` (compact or Python-spaced JSON). */
function renameVocabulary(line) {
    return line.replace(/("event_type":\s*")([^"]+)"/, '$1acme.$2"').replace(/("status":\s*")completed"/, '$1done"');
}
/** The vocabulary that silences it again, for eventbus.config.json. */
function ownVocabularyConfig(source) {
    const types = fs.readdirSync(path.join(source, 'schemas')).map((type) => `acme.${type}`);
    return { event_types: types, statuses: ['done', 'degraded', 'healthy', 'unhealthy'] };
}
//# sourceMappingURL=ownVocabularyStore.js.map