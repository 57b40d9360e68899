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
exports.EventSources = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const lineReader_1 = require("../engine/store/lineReader");
const uris_1 = require("../shared/uris");
/**
 * Where an event's line is shown: its day file. A plain day is its path; a
 * `.jsonl.gz` day is either the extension's `eventbus:` decompressed
 * document (where the editor can also set breakpoints) or, for any other
 * DAP client, a sourceReference whose text the adapter sends.
 */
class EventSources {
    storeRoot;
    index;
    gzipSources;
    references = new Map();
    files = [];
    fileOrder;
    constructor(storeRoot, index, gzipSources) {
        this.storeRoot = storeRoot;
        this.index = index;
        this.gzipSources = gzipSources;
    }
    /** The DAP source of a store file (relative, `events/events_…jsonl[.gz]`). */
    sourceOf(file) {
        const absolute = path.join(this.storeRoot, file);
        const name = path.basename(file);
        if (!(0, lineReader_1.isGzipPath)(file))
            return { name, path: absolute };
        if (this.gzipSources === 'eventbusUri')
            return { name, path: (0, uris_1.decompressedUriOf)(absolute) };
        return { name, path: absolute, sourceReference: this.referenceOf(file), presentationHint: 'normal', origin: 'decompressed .gz day' };
    }
    /** The decompressed text of a sourceReference. */
    textOf(reference) {
        const file = this.files[reference - 1];
        if (file === undefined)
            throw new Error(`no source with reference ${reference}`);
        const { bytes, problem } = (0, lineReader_1.gunzipTolerant)(fs.readFileSync(path.join(this.storeRoot, file)));
        if (problem && bytes.length === 0)
            throw new Error(`${file}: ${problem}`);
        return bytes.toString('utf8');
    }
    /** The store file a client's source names (a path, a file: or eventbus: URI, or a sourceReference), or why not. */
    storeFileOf(source) {
        if (source.sourceReference !== undefined && source.sourceReference > 0) {
            const file = this.files[source.sourceReference - 1];
            return file !== undefined ? { file } : { problem: `no source with reference ${source.sourceReference}` };
        }
        const given = source.path ?? '';
        const absolute = /^[a-z][a-z0-9+.-]+:/i.test(given) && !/^[a-z]:[\\/]/i.test(given) ? (0, uris_1.fsPathOfUri)(given) : given;
        if (!absolute)
            return { problem: `${given}: not a file of this store` };
        const relative = path.relative(this.storeRoot, path.resolve(absolute)).split(path.sep).join('/');
        if (relative.startsWith('..') || path.isAbsolute(relative))
            return { problem: `${absolute} is outside the store ${this.storeRoot}` };
        if (!this.index.files.some((f) => f.file === relative))
            return { problem: `${relative} is not an indexed day file of the store` };
        return { file: relative };
    }
    /**
     * The ordinal of the event on a line of a store file, or undefined when
     * that line holds none (blank, unreadable). Ordinals are in store order —
     * files by day, then line — so a binary search finds it.
     */
    ordinalAt(file, line) {
        this.fileOrder ??= new Map(this.index.files.map((f, i) => [f.file, i]));
        const order = this.fileOrder;
        const want = order.get(file);
        if (want === undefined)
            return undefined;
        const key = (ordinal) => {
            const at = this.index.locationOf(ordinal);
            return (order.get(at.file) ?? -1) * 2 ** 32 + at.line;
        };
        const target = want * 2 ** 32 + line;
        let lo = 0;
        let hi = this.index.eventCount - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const k = key(mid);
            if (k === target)
                return mid;
            if (k < target)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return undefined;
    }
    referenceOf(file) {
        let reference = this.references.get(file);
        if (reference === undefined) {
            this.files.push(file);
            reference = this.files.length;
            this.references.set(file, reference);
        }
        return reference;
    }
}
exports.EventSources = EventSources;
//# sourceMappingURL=eventSources.js.map