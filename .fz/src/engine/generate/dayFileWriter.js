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
exports.DayFileWriter = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const layout_1 = require("../store/layout");
const BUFFER_BYTES = 4 * 1024 * 1024;
/**
 * Writes generated lines into `events/events_<day>.jsonl`, one file per UTC
 * day, in large synchronous writes. Each line is encoded into one reused
 * buffer at once: keeping lines as strings until a flush made them survive
 * young-generation GCs, and copying them there cost more than everything
 * else together.
 */
class DayFileWriter {
    eventsDir;
    fd = null;
    day = '';
    buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    used = 0;
    lineInFile = 0;
    bytes = 0;
    files = [];
    constructor(eventsDir) {
        this.eventsDir = eventsDir;
        fs.mkdirSync(eventsDir, { recursive: true });
    }
    /** Store-relative names of the files written so far, in day order. */
    get writtenFiles() {
        return this.files;
    }
    get currentFile() {
        return this.files[this.files.length - 1] ?? '';
    }
    /** 1-based line number the next line will have in the current file. */
    get nextLine() {
        return this.lineInFile + 1;
    }
    get totalBytes() {
        return this.bytes;
    }
    /** Switches to the day's file when it differs from the current one; days must come in order. */
    startDay(day) {
        if (day === this.day)
            return;
        this.closeFile();
        this.day = day;
        const name = (0, layout_1.eventFileName)(day);
        this.fd = fs.openSync(path.join(this.eventsDir, name), 'w');
        this.files.push(`events/${name}`);
        this.lineInFile = 0;
    }
    /** Appends one line (without its newline). Returns its 1-based line number in the current file. */
    writeLine(line) {
        this.append(line);
        if (this.used >= BUFFER_BYTES)
            this.flush();
        this.buffer[this.used++] = 0x0a;
        this.lineInFile++;
        return this.lineInFile;
    }
    /** Writes text with no line end: the torn tail a crash mid-write leaves. */
    writeTornTail(text) {
        this.append(text);
        this.lineInFile++;
        return this.lineInFile;
    }
    close() {
        this.closeFile();
    }
    append(text) {
        // A UTF-16 unit takes at most 3 bytes in UTF-8.
        if (this.used + text.length * 3 > BUFFER_BYTES) {
            this.flush();
            if (text.length * 3 > BUFFER_BYTES) {
                this.writeAll(Buffer.from(text, 'utf8'));
                return;
            }
        }
        this.used += this.buffer.write(text, this.used, 'utf8');
    }
    flush() {
        if (this.used === 0)
            return;
        this.writeAll(this.buffer.subarray(0, this.used));
        this.used = 0;
    }
    writeAll(chunk) {
        if (this.fd === null)
            throw new Error('no day file is open (startDay first)');
        let offset = 0;
        while (offset < chunk.length)
            offset += fs.writeSync(this.fd, chunk, offset, chunk.length - offset);
        this.bytes += chunk.length;
    }
    closeFile() {
        this.flush();
        if (this.fd !== null)
            fs.closeSync(this.fd);
        this.fd = null;
    }
}
exports.DayFileWriter = DayFileWriter;
//# sourceMappingURL=dayFileWriter.js.map