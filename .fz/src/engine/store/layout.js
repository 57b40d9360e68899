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
exports.LOCK_FILE = exports.DEAD_LETTER_FILE = exports.CACHE_DIR = exports.PROJECTIONS_DIR = exports.SCHEMAS_DIR = exports.SNAPSHOTS_DIR = exports.EVENTS_DIR = void 0;
exports.eventFileName = eventFileName;
exports.parseEventFileName = parseEventFileName;
exports.notADayFile = notADayFile;
exports.relativeToStore = relativeToStore;
const path = __importStar(require("node:path"));
/** Where things live inside an `event_store/` folder. */
exports.EVENTS_DIR = 'events';
exports.SNAPSHOTS_DIR = 'snapshots';
exports.SCHEMAS_DIR = 'schemas';
exports.PROJECTIONS_DIR = 'projections';
exports.CACHE_DIR = '.eventbus';
exports.DEAD_LETTER_FILE = 'dead_letter.jsonl';
exports.LOCK_FILE = 'writer.lock';
const EVENT_FILE_PATTERN = /^events_(\d{4}-\d{2}-\d{2})\.jsonl(\.gz)?$/;
function eventFileName(day, compressed = false) {
    return `events_${day}.jsonl${compressed ? '.gz' : ''}`;
}
/** The day and compression of an event file name, or null when the name is not one. */
function parseEventFileName(name) {
    const match = EVENT_FILE_PATTERN.exec(name);
    return match ? { day: match[1], compressed: match[2] !== undefined } : null;
}
/**
 * Why a name in events/ is not read as a day of events, or undefined when it
 * is one (or a writer's temp file, which comes and goes). Only
 * `events_YYYY-MM-DD.jsonl` and `.jsonl.gz` hold events: a stray
 * `notes.jsonl` must not be counted as the store's events.
 */
function notADayFile(name) {
    if (parseEventFileName(name) || /^\..*\.tmp$/.test(name))
        return undefined;
    return 'not a day file (expected events_YYYY-MM-DD.jsonl or events_YYYY-MM-DD.jsonl.gz); not read';
}
/** Store-relative, `/`-separated: how files are named in findings and the index. */
function relativeToStore(storeRoot, absolute) {
    return path.relative(storeRoot, absolute).split(path.sep).join('/');
}
//# sourceMappingURL=layout.js.map