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
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const storeRef_1 = require("../../src/engine/config/storeRef");
const tempStore_1 = require("../helpers/tempStore");
const temp = (0, tempStore_1.makeTempDir)('eventbus-storeref-');
(0, node_test_1.after)(() => temp.cleanup());
function folder(...parts) {
    const dir = path.join(temp.dir, ...parts);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
}
function writeConfig(dir, config) {
    const file = path.join(dir, 'eventbus.config.json');
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
}
(0, node_test_1.describe)('a store is resolved once, with the config that governs it', () => {
    (0, node_test_1.it)('--store elsewhere runs with the config that names the store there, not with the current folder config', async () => {
        const here = folder('here');
        writeConfig(here, { storage_path: 'event_store', event_ttl_days: 3 });
        const elsewhere = folder('elsewhere');
        const governing = writeConfig(elsewhere, { storage_path: 'store', event_ttl_days: 9 });
        folder('elsewhere', 'store', 'events');
        const ref = await (0, storeRef_1.resolveFolderStore)('../elsewhere/store', here);
        assert.equal(ref.root, path.join(elsewhere, 'store'));
        assert.equal(ref.configFile, governing);
        assert.equal(ref.config.event_ttl_days, 9);
    });
    (0, node_test_1.it)('a config that names another store does not govern this one: the guide defaults apply', async () => {
        const here = folder('names-other');
        writeConfig(here, { storage_path: 'event_store', event_ttl_days: 3 });
        const store = folder('lonely', 'store');
        const governed = await (0, storeRef_1.configOfStore)(store, [here]);
        assert.equal(governed.configFile, undefined);
        assert.equal(governed.config.event_ttl_days, 30);
    });
    (0, node_test_1.it)('a config that names no store governs the store it is used with; one inside the store comes first', async () => {
        const project = folder('project');
        const settingsOnly = writeConfig(project, { event_bus: { event_ttl_days: 6 } });
        const store = folder('python-store');
        assert.equal((await (0, storeRef_1.configOfStore)(store, [project])).configFile, settingsOnly);
        assert.equal((await (0, storeRef_1.configOfStore)(store, [project])).config.event_ttl_days, 6);
        const own = writeConfig(store, { event_ttl_days: 2 });
        const inside = await (0, storeRef_1.configOfStore)(store, [project]);
        assert.equal(inside.configFile, own);
        assert.equal(inside.config.event_ttl_days, 2);
    });
    (0, node_test_1.it)('without --store: the workspace config storage_path, else event_store/ in the workspace', async () => {
        const workspace = folder('workspace');
        assert.equal((await (0, storeRef_1.resolveFolderStore)(undefined, workspace)).root, path.join(workspace, 'event_store'));
        writeConfig(workspace, { storage_path: 'data/events-store', event_ttl_days: 4 });
        const ref = await (0, storeRef_1.resolveFolderStore)(undefined, workspace);
        assert.equal(ref.root, path.join(workspace, 'data', 'events-store'));
        assert.equal(ref.config.event_ttl_days, 4);
    });
    (0, node_test_1.it)('two spellings of one store (a symlinked folder) find the same governing config', async () => {
        const real = folder('real');
        writeConfig(real, { storage_path: 'store', event_ttl_days: 11 });
        folder('real', 'store');
        const link = path.join(temp.dir, 'link');
        fs.symlinkSync(real, link);
        assert.equal((await (0, storeRef_1.configOfStore)(path.join(link, 'store'))).config.event_ttl_days, 11);
    });
    (0, node_test_1.it)('an invalid config nearby is a clear error naming the file, not a silent default', async () => {
        const broken = folder('broken');
        fs.writeFileSync(path.join(broken, 'eventbus.config.json'), '{"event_ttl_days": "soon"}');
        await assert.rejects((0, storeRef_1.configOfStore)(folder('broken-store'), [broken]), /eventbus\.config\.json.*event_ttl_days/s);
    });
});
//# sourceMappingURL=storeRef.unit.spec.js.map