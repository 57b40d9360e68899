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
const snapshotFileName_1 = require("../../src/engine/snapshot/snapshotFileName");
const tempStore_1 = require("../helpers/tempStore");
/**
 * The CLI never executes anything found in its input or in event data:
 * `publish --data` takes JSON only, and every reading command treats stored
 * payloads (shell, JavaScript, templates) as data. A canary file that any
 * of that code would create must never appear.
 */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const temp = (0, tempStore_1.makeTempDir)('eventbus-cli-noexec-');
(0, node_test_1.after)(() => temp.cleanup());
const CANARY = path.join(temp.dir, 'canary');
function cli(...args) {
    const result = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { cwd: temp.dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, EVENTBUS_CANARY: CANARY } });
    return { code: result.status ?? -1, signal: result.signal, out: result.stdout, err: result.stderr };
}
/** Every file under `dir`, relative, with its size: "nothing was written" is this listing unchanged. */
function listing(dir) {
    if (!fs.existsSync(dir))
        return [];
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
        const file = path.join(entry.parentPath ?? entry.path, entry.name);
        return `${path.relative(dir, file)} ${fs.statSync(file).size}`;
    })
        .sort();
}
const js = JSON.stringify;
/** Code that would create the canary if anything ran it, in the shapes people write. */
const CODE = {
    require: `require('fs').writeFileSync(${js(CANARY)}, 'ran')`,
    iife: `(() => { require('fs').writeFileSync(${js(CANARY)}, 'ran'); return {}; })()`,
    objectLiteral: `{ a: 1, b: require('fs').writeFileSync(${js(CANARY)}, 'ran') }`,
    template: `\`\${require('fs').writeFileSync(${js(CANARY)}, 'ran')}\``,
    shell: `$(touch ${CANARY})`,
    backticks: `\`touch ${CANARY}\``,
    mustache: `{{constructor.constructor('require("fs").writeFileSync(${CANARY})')()}}`,
};
(0, node_test_1.describe)('the CLI never runs code from its input or from event data', () => {
    let store;
    (0, node_test_1.before)(() => {
        store = path.join(temp.dir, 'event_store');
        const made = cli('generate', '--events', '40', '--out', store, '--seed', '7');
        strict_1.default.equal(made.code, 0, made.err);
    });
    (0, node_test_1.it)('publish --data refuses JavaScript and other non-JSON with a clear one-line error and writes nothing', () => {
        const before = listing(store);
        const refused = [
            '{a: 1}',
            "{'a': 1}",
            '{"a": 1,}',
            '{"a": 1} // a comment',
            'undefined',
            'NaN',
            'new Date()',
            'process.exit(0)',
            ...Object.values(CODE).filter((code) => !code.startsWith('{{')),
        ];
        for (const data of refused) {
            const run = cli('publish', 'order_placed', '--store', store, '--data', data);
            strict_1.default.equal(run.code, 2, `${data}: exit ${run.code} ${run.err}`);
            strict_1.default.equal(run.out, '', data);
            strict_1.default.match(run.err, /^eventbus publish: --data is not valid JSON: .+\n$/, data);
            strict_1.default.equal(run.err.split('\n').filter(Boolean).length, 1, data);
        }
        strict_1.default.equal(fs.existsSync(CANARY), false, 'nothing ran');
        strict_1.default.deepEqual(listing(store), before, 'nothing was written to the store');
    });
    (0, node_test_1.it)('stores code-looking JSON strings and keys as data, and no reading command runs them', () => {
        const data = { ...CODE, [CODE.require]: CODE.shell, constructor: { prototype: { polluted: true } }, toString: CODE.iife };
        // `__proto__:` in an object literal sets the prototype, and JSON.stringify skips it: the key is added as JSON text.
        const json = `${JSON.stringify(data).slice(0, -1)},"__proto__":{"polluted":${js(CODE.require)}}}`;
        const published = cli('publish', 'hostile_payload', '--store', store, '--data', json, '--aggregate', CODE.shell, '--correlation', CODE.template, '--source', CODE.backticks, '--tag', `cmd=${CODE.shell}`, '--allow-new-type', '--json');
        strict_1.default.equal(published.code, 0, published.err);
        const event = JSON.parse(published.out);
        strict_1.default.equal(event.data.require, CODE.require);
        strict_1.default.equal(event.data[CODE.require], CODE.shell);
        strict_1.default.deepEqual(Object.getOwnPropertyDescriptor(event.data, '__proto__')?.value, { polluted: CODE.require }, '__proto__ stays an own key of the data');
        strict_1.default.equal(event.metadata.aggregate_id, CODE.shell);
        const runs = [
            cli('events', '--store', store),
            cli('events', '--store', store, '--aggregate', CODE.shell),
            cli('stats', '--store', store, '--json'),
            cli('replay', '--store', store, '--aggregate', CODE.shell, '--json'),
            cli('rebuild', '--store', store, '--aggregate', CODE.shell, '--json'),
            cli('correlation', CODE.template, '--store', store, '--json'),
            cli('validate', '--store', store, '--format', 'sarif'),
            cli('validate', '--store', store, '--format', 'junit'),
            cli('snapshot', 'create', '--store', store, '--aggregate', CODE.shell, '--json'),
            cli('snapshots', '--store', store),
        ];
        for (const run of runs) {
            strict_1.default.equal(run.signal, null);
            strict_1.default.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.err}`);
        }
        const stored = runs[1].out.trim().split('\n').map((line) => JSON.parse(line));
        strict_1.default.equal(stored.length, 1);
        strict_1.default.equal(stored[0].data.toString, CODE.iife, 'read back as the same text');
        strict_1.default.equal(JSON.parse(runs[4].out).mustache, CODE.mustache);
        strict_1.default.equal(fs.existsSync(CANARY), false, 'nothing ran');
        // The snapshot of that aggregate is a file inside snapshots/ (its name encodes the id), nothing outside the store.
        const ours = fs.readdirSync(path.join(store, 'snapshots')).filter((name) => (0, snapshotFileName_1.parseSnapshotFileName)(name)?.kind === 'plain' && (0, snapshotFileName_1.parseSnapshotFileName)(name).aggregateId === CODE.shell);
        strict_1.default.equal(ours.length, 1);
        strict_1.default.match(ours[0], /^snapshot_[A-Za-z0-9_.~-]+_\d+\.json$/);
        strict_1.default.deepEqual(fs.readdirSync(temp.dir).sort(), ['event_store']);
    });
    (0, node_test_1.it)('rebuild leaves a store’s projection modules alone unless --allow-projections is given', () => {
        fs.mkdirSync(path.join(store, 'projections'), { recursive: true });
        // The module marks the state it folds (what a module may do in the sandbox; the
        // sandbox's own refusals are projectionSandbox.int.spec.ts's subject).
        fs.writeFileSync(path.join(store, 'projections', 'trap.js'), `module.exports = { name: 'trap', initialState: {}, apply: (s) => ({ ...s, trap_module_loaded: true }) };`);
        try {
            const plain = cli('rebuild', '--store', store, '--aggregate', 'system', '--json');
            strict_1.default.equal(plain.code, 0, plain.err);
            strict_1.default.doesNotMatch(plain.out, /trap_module_loaded/, 'the module was not loaded');
            const named = cli('rebuild', '--store', store, '--aggregate', CODE.shell, '--projection', 'trap');
            strict_1.default.equal(named.code, 2);
            strict_1.default.match(named.err, /--projection runs code from the store; add --allow-projections to allow it/);
            strict_1.default.equal(fs.existsSync(CANARY), false, 'the module was not loaded');
            // The control: with the flag the module is loaded (its initial state shows), and still cannot touch the disk.
            const allowed = cli('rebuild', '--store', store, '--aggregate', 'system', '--allow-projections', '--json');
            strict_1.default.equal(allowed.code, 0, allowed.err);
            strict_1.default.match(allowed.out, /trap_module_loaded/);
        }
        finally {
            fs.rmSync(path.join(store, 'projections'), { recursive: true, force: true });
            fs.rmSync(CANARY, { force: true });
        }
    });
});
//# sourceMappingURL=cliNoExec.int.spec.js.map