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
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const eslint_1 = require("eslint");
/** The repository root (tests run from out/): where the lint config sits. */
function repoRoot() {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'test', 'lint', 'eslint.config.mjs')) && fs.existsSync(path.join(dir, 'package.json')))
            return dir;
    }
    throw new Error(`no test/lint/eslint.config.mjs above ${__dirname}`);
}
const ROOT = repoRoot();
const eslint = new eslint_1.ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'test', 'lint', 'eslint.config.mjs') });
/** The boundary messages `npm run lint` gives for one import written in a (made-up) file of a room. */
async function boundaryErrors(file, specifier) {
    const [result] = await eslint.lintText(`import { something } from '${specifier}';\nexport const used = something;\n`, { filePath: path.join(ROOT, file) });
    return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}
async function assertRefused(file, specifier, because) {
    const errors = await boundaryErrors(file, specifier);
    assert.equal(errors.length, 1, `${file} importing ${specifier} should be refused, got ${JSON.stringify(errors)}`);
    assert.match(errors[0], because);
}
async function assertAllowed(file, specifier) {
    assert.deepEqual(await boundaryErrors(file, specifier), [], `${file} importing ${specifier} should be allowed`);
}
(0, node_test_1.describe)('npm run lint: the rooms of the house are enforced', () => {
    (0, node_test_1.it)('the engine never imports vscode, an LSP package or a room above it', async () => {
        await assertRefused('src/engine/store/layout.ts', 'vscode', /never imports vscode/);
        await assertRefused('src/engine/index/eventIndex.ts', 'vscode-languageserver/node', /never imports vscode/);
        await assertRefused('src/engine/replay/replay.ts', '../../server/serverContext', /ground floor/);
        await assertRefused('src/engine/replay/replay.ts', '../../shared/protocol', /ground floor/);
        await assertAllowed('src/engine/replay/replay.ts', '../store/layout');
        await assertAllowed('src/engine/schema/ajvFactory.ts', 'ajv');
    });
    (0, node_test_1.it)('the CLI stands on the engine only', async () => {
        await assertRefused('src/cli/commands/stats.ts', '../../server/storeSession', /engine only/);
        await assertRefused('src/cli/main.ts', 'vscode', /without VS Code/);
        await assertAllowed('src/cli/commands/stats.ts', '../../engine/openStore');
    });
    (0, node_test_1.it)('the language server never imports the vscode API or the client', async () => {
        await assertRefused('src/server/main.ts', 'vscode', /own process/);
        await assertRefused('src/server/handlers/replay.ts', '../../extension/replayCommand', /never the client/);
        await assertAllowed('src/server/main.ts', 'vscode-languageserver/node');
        await assertAllowed('src/server/handlers/replay.ts', '../../engine/replay/replay');
    });
    (0, node_test_1.it)('the client asks the server instead of reading the store', async () => {
        await assertRefused('src/extension/views/aggregatesView.ts', '../../engine/index/eventIndex', /never parses the store/);
        await assertRefused('src/extension/extension.ts', '../server/storeSession', /never imports the server/);
        await assertRefused('src/extension/timeline/timelinePanel.ts', '../../webview/timeline/timelinePage', /never imports the webview pages/);
        await assertAllowed('src/extension/commands/pickers.ts', '../../engine/model/eventTypes');
        await assertAllowed('src/extension/views/aggregatesView.ts', '../../shared/protocol');
    });
    (0, node_test_1.it)('shared imports no room, and the webview pages run in the browser', async () => {
        await assertRefused('src/shared/protocol.ts', '../engine/model/event', /imports no room/);
        await assertRefused('src/webview/timeline/timelinePage.ts', 'node:fs', /run in the browser/);
        await assertRefused('src/webview/inspector/inspectorPage.ts', '../../engine/state/rebuild', /shared only/);
        await assertAllowed('src/webview/timeline/timelinePage.ts', '../../shared/timelineProtocol');
    });
});
/**
 * What `npm run lint`'s dependency-cruiser half says about a made-up source
 * tree: each file is written into a fresh folder (beside a tsconfig) and the
 * repository's own rules are run over it, as `npm run lint` runs them over src.
 */
function floorViolations(files) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-floors-'));
    try {
        fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }));
        for (const [file, text] of Object.entries(files)) {
            fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), text);
        }
        const cruiser = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
        const result = (0, node_child_process_1.spawnSync)(process.execPath, [cruiser, '--config', path.join(ROOT, 'test', 'lint', 'dependency-cruiser.cjs'), '--output-type', 'json', 'src'], { cwd: dir, encoding: 'utf8' });
        const report = JSON.parse(result.stdout);
        return report.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`);
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
(0, node_test_1.describe)('npm run lint: the engine has floors and no import loops', () => {
    (0, node_test_1.it)('refuses two modules that import each other, and passes them once the loop is broken', () => {
        const loop = floorViolations({
            'src/engine/bus/eventBus.ts': "import type { Options } from './publishValidation';\nexport type Bus = Options;\n",
            'src/engine/bus/publishValidation.ts': "import type { Bus } from './eventBus';\nexport type Options = { bus?: Bus };\n",
        });
        assert.ok(loop.some((violation) => violation.startsWith('no-import-loops: src/engine/bus/')), JSON.stringify(loop));
        assert.deepEqual(floorViolations({
            'src/engine/bus/publishOptions.ts': 'export type Options = { source?: string };\n',
            'src/engine/bus/eventBus.ts': "import type { Options } from './publishOptions';\nexport type Bus = Options;\n",
        }), []);
    });
    (0, node_test_1.it)('refuses the store importing a floor above it, and the model importing anything of the engine', () => {
        const upward = floorViolations({
            'src/engine/store/pendingWork.ts': "import { JOURNAL } from '../migrate/migrateStore';\nexport const pending = JOURNAL;\n",
            'src/engine/migrate/migrateStore.ts': "export const JOURNAL = 'migration.pending.json';\n",
            'src/engine/model/event.ts': "import { EVENTS_DIR } from '../store/layout';\nexport const where = EVENTS_DIR;\n",
            'src/engine/store/layout.ts': "export const EVENTS_DIR = 'events';\n",
        });
        assert.deepEqual(upward.sort(), [
            'model-is-the-ground-floor: src/engine/model/event.ts -> src/engine/store/layout.ts',
            'store-stands-on-model-only: src/engine/store/pendingWork.ts -> src/engine/migrate/migrateStore.ts',
        ]);
    });
});
//# sourceMappingURL=lintBoundaries.unit.spec.js.map