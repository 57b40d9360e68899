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
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const temp = (0, tempStore_1.makeTempDir)('eventbus-store-config-');
(0, node_test_1.after)(() => temp.cleanup());
function statusOf(cwd, ...args) {
    const run = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'status', '--json', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout);
}
(0, node_test_1.describe)('the CLI reads the config of the store it runs on', () => {
    (0, node_test_1.it)('--store /elsewhere runs with /elsewhere config, not with the current folder config', () => {
        const here = path.join(temp.dir, 'here');
        const elsewhere = path.join(temp.dir, 'elsewhere');
        fs.mkdirSync(path.join(here, 'event_store', 'events'), { recursive: true });
        fs.mkdirSync(path.join(elsewhere, 'store', 'events'), { recursive: true });
        fs.writeFileSync(path.join(here, 'eventbus.config.json'), JSON.stringify({ storage_path: 'event_store', enable_snapshots: false }));
        fs.writeFileSync(path.join(elsewhere, 'eventbus.config.json'), JSON.stringify({ storage_path: 'store', enable_snapshots: true }));
        assert.equal(statusOf(here).snapshots_enabled, false, 'the folder config governs its own store');
        assert.equal(statusOf(here, '--store', path.join(elsewhere, 'store')).snapshots_enabled, true, "the other store's config governs it");
        assert.equal(statusOf(elsewhere, '--store', path.join(here, 'event_store')).snapshots_enabled, false, 'and the other way round');
    });
});
//# sourceMappingURL=storeConfig.int.spec.js.map