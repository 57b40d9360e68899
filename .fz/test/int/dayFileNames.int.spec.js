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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const zlib = __importStar(require("node:zlib"));
const event_1 = require("../../src/engine/model/event");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
function line(n) {
    return (0, event_1.serializeEvent)((0, event_1.createEvent)('component_started', { n }, { source: 't', sequence_number: n, timestamp: `2026-01-0${n}T00:00:00.000Z` }));
}
(0, node_test_1.describe)('day files by name', () => {
    (0, node_test_1.it)('reads only events_YYYY-MM-DD.jsonl and .jsonl.gz; anything else in events/ is one warning naming it', () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-daynames-');
        try {
            const events = path.join(dir, 'events');
            fs.mkdirSync(events, { recursive: true });
            fs.writeFileSync(path.join(events, 'events_2026-01-01.jsonl'), `${line(1)}\n`);
            fs.writeFileSync(path.join(events, 'events_2026-01-02.jsonl.gz'), zlib.gzipSync(`${line(2)}\n`));
            // Strays: copies of events that must not be counted again.
            for (const stray of ['notes.jsonl', 'events_2026-01-01.jsonl.bak', 'events_2026-1-3.jsonl', 'backup.jsonl.gz']) {
                fs.writeFileSync(path.join(events, stray), `${line(1)}\n${line(2)}\n`);
            }
            const stats = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'stats', '--store', dir, '--json'], { encoding: 'utf8' });
            strict_1.default.equal(stats.status, 0, stats.stderr);
            const parsed = JSON.parse(stats.stdout);
            strict_1.default.equal(parsed.events, 2);
            strict_1.default.equal(parsed.invalid_lines, 0);
            strict_1.default.deepEqual(parsed.ignored_files.sort(), ['events/backup.jsonl.gz', 'events/events_2026-01-01.jsonl.bak', 'events/events_2026-1-3.jsonl', 'events/notes.jsonl']);
            const validate = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'validate', '--store', dir, '--json'], { encoding: 'utf8' });
            const findings = JSON.parse(validate.stdout);
            const warnings = findings.filter((f) => f.code === 'EB024');
            strict_1.default.deepEqual(warnings.map((f) => f.file).sort(), parsed.ignored_files.sort(), 'one warning per stray file');
            strict_1.default.ok(warnings.every((f) => f.severity === 'warning'));
            strict_1.default.equal(findings.filter((f) => f.code === 'EB013').length, 0, 'no duplicate ids: the strays were not read');
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=dayFileNames.int.spec.js.map