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
const node_url_1 = require("node:url");
/** The repository root (tests run from out/): where .vscode-test.mjs sits. */
function repoRoot() {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, '.vscode-test.mjs')) && fs.existsSync(path.join(dir, 'package.json')))
            return dir;
    }
    throw new Error(`no .vscode-test.mjs above ${__dirname}`);
}
const ROOT = repoRoot();
const { PASSES } = require(path.join(ROOT, 'test', 'e2e', 'extensionHostPasses.js'));
/** What `npx vscode-test` would run: the config module loaded by node as ESM (no VS Code started, no workspace generated). */
function loadTestCliConfigurations() {
    const script = `const loaded = await import(${JSON.stringify((0, node_url_1.pathToFileURL)(path.join(ROOT, '.vscode-test.mjs')).href)}); process.stdout.write(JSON.stringify(await loaded.default));`;
    const result = (0, node_child_process_1.spawnSync)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, EVENTBUS_VSCODE_TEST_DRY_RUN: '1' },
    });
    assert.equal(result.status, 0, `loading .vscode-test.mjs failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
}
/** Source folder of a pass's compiled suite folder (test/e2e/out/suite/x → test/e2e/suite/x). */
function sourceDirOf(suiteDir) {
    return suiteDir.replace(`${path.sep}out${path.sep}suite`, `${path.sep}suite`);
}
(0, node_test_1.describe)('the desktop test entry (.vscode-test.mjs) and the code-server runner', () => {
    const configurations = loadTestCliConfigurations();
    (0, node_test_1.it)('run the same passes, in the same order', () => {
        assert.deepEqual(configurations.map((configuration) => configuration.label), PASSES.map((pass) => pass.name));
        assert.deepEqual(PASSES.map((pass) => pass.name), ['core', 'explorer', 'restricted']);
    });
    (0, node_test_1.it)('run every *.test file of a pass folder, after the same set-up module', () => {
        for (const [index, pass] of PASSES.entries()) {
            const configuration = configurations[index];
            // The code-server runner loads pass.testsIndex, whose run() takes every *.test.js beside it.
            assert.equal(path.dirname(pass.testsIndex), pass.suiteDir);
            assert.equal(configuration.files, path.join(pass.suiteDir, '*.test.js'), pass.name);
            assert.deepEqual(configuration.mocha.require, [pass.globalSetup], pass.name);
            const source = sourceDirOf(pass.suiteDir);
            const tests = fs.readdirSync(source).filter((name) => name.endsWith('.test.ts'));
            assert.ok(tests.length > 0, `${source} has no *.test.ts`);
            const indexSource = fs.readFileSync(path.join(source, 'index.ts'), 'utf8');
            assert.match(indexSource, /from '\.\/globalSetup'/, `${pass.name}: index.ts must run the set-up that .vscode-test.mjs runs`);
            assert.match(indexSource, /await mochaGlobalSetup\(\)/, pass.name);
            assert.ok(fs.existsSync(path.join(source, 'globalSetup.ts')), `${source}/globalSetup.ts is missing`);
        }
    });
    (0, node_test_1.it)('open each pass in its own workspace, trusted exactly where the code-server runner trusts it', () => {
        const folders = new Set(configurations.map((configuration) => configuration.workspaceFolder));
        assert.equal(folders.size, configurations.length);
        for (const [index, pass] of PASSES.entries()) {
            const configuration = configurations[index];
            assert.equal(configuration.extensionDevelopmentPath, ROOT);
            assert.equal(configuration.launchArgs.includes('--disable-workspace-trust'), pass.trustWorkspace, pass.name);
            assert.equal(configuration.mocha.ui, 'bdd');
        }
    });
    (0, node_test_1.it)('use the mocha options of the code-server runner', () => {
        const runMocha = fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'suite', 'runMocha.ts'), 'utf8');
        const timeout = /timeout: ([\d_]+)/.exec(runMocha);
        assert.ok(timeout, 'runMocha.ts names no timeout');
        assert.equal(configurations[0].mocha.timeout, Number(timeout[1].replace(/_/g, '')));
        assert.match(runMocha, /ui: 'bdd'/);
    });
});
//# sourceMappingURL=vscodeTestEntry.unit.spec.js.map