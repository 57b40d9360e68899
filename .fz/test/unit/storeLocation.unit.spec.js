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
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const storeLocation_1 = require("../../src/engine/backends/storeLocation");
const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
(0, node_test_1.describe)('where a store lives', () => {
    (0, node_test_1.it)('a URL by its scheme; anything else is a folder, even one named like a backend', () => {
        strict_1.default.deepEqual((0, storeLocation_1.parseStoreLocation)('postgres://me@127.0.0.1:5432/events?schema=bus'), { kind: 'postgres', url: 'postgres://me@127.0.0.1:5432/events?schema=bus' });
        strict_1.default.deepEqual((0, storeLocation_1.parseStoreLocation)('postgresql://me@db/events'), { kind: 'postgres', url: 'postgresql://me@db/events' });
        strict_1.default.deepEqual((0, storeLocation_1.parseStoreLocation)('nats://127.0.0.1:4222?stream=events'), { kind: 'nats', url: 'nats://127.0.0.1:4222?stream=events' });
        strict_1.default.deepEqual((0, storeLocation_1.parseStoreLocation)('postgres'), { kind: 'folder', path: 'postgres' });
        strict_1.default.deepEqual((0, storeLocation_1.parseStoreLocation)('./stores/postgres:/x'), { kind: 'folder', path: './stores/postgres:/x' });
        strict_1.default.throws(() => (0, storeLocation_1.parseStoreLocation)('kafka://broker/topic'), /unknown kind of store "kafka:\/\/" \(expected a folder, postgres:\/\/… or nats:\/\/…\)/);
    });
    (0, node_test_1.it)('never shows a password', () => {
        strict_1.default.equal((0, storeLocation_1.redactUrl)('postgres://me:s3cret@db:5432/events'), 'postgres://me:***@db:5432/events');
        strict_1.default.equal((0, storeLocation_1.redactUrl)('postgres://me@db/events'), 'postgres://me@db/events');
        strict_1.default.equal((0, storeLocation_1.redactUrl)('postgres://me:s3cret@[bad'), 'postgres://me:***@[bad');
    });
    (0, node_test_1.it)('a folder-only command given a URL says so in one line, exit 2, without the password', () => {
        const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'stats', '--store', 'postgres://me:s3cret@127.0.0.1:1/events'], { encoding: 'utf8' });
        strict_1.default.equal(result.status, 2);
        strict_1.default.match(result.stderr, /postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/events: this command reads store folders only so far/);
        strict_1.default.doesNotMatch(result.stderr, /s3cret/);
    });
});
//# sourceMappingURL=storeLocation.unit.spec.js.map