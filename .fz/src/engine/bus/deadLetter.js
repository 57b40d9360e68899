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
exports.FileDeadLetterSink = exports.MemoryDeadLetterSink = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const layout_1 = require("../store/layout");
/** Keeps entries in memory (the default when no store folder is given; handy in tests). */
class MemoryDeadLetterSink {
    entries = [];
    async record(entry) {
        this.entries.push(entry);
    }
}
exports.MemoryDeadLetterSink = MemoryDeadLetterSink;
/**
 * Appends one JSON line per entry to `<store>/dead_letter.jsonl`, fsynced.
 * Writes are chained so concurrent failures never interleave within a line.
 */
class FileDeadLetterSink {
    file;
    chain = Promise.resolve();
    constructor(storeRoot) {
        this.file = path.join(storeRoot, layout_1.DEAD_LETTER_FILE);
    }
    record(entry) {
        const line = `${JSON.stringify(entry)}\n`;
        const write = this.chain.then(() => this.appendLine(line));
        this.chain = write.catch(() => undefined);
        return write;
    }
    async appendLine(line) {
        await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
        const handle = await fs.promises.open(this.file, 'a');
        try {
            await handle.write(line);
            await handle.datasync();
        }
        finally {
            await handle.close();
        }
    }
}
exports.FileDeadLetterSink = FileDeadLetterSink;
//# sourceMappingURL=deadLetter.js.map