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
const hostileSchemas_1 = require("../helpers/hostileSchemas");
const tempStore_1 = require("../helpers/tempStore");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
function cli(args, timeoutMs = 30_000) {
    const started = Date.now();
    const run = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: timeoutMs });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}
(0, node_test_1.describe)('hostile schemas', () => {
    (0, node_test_1.it)('a catastrophic-backtracking pattern costs validate and publish no time: patterns run in linear time', () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-redos-');
        try {
            (0, hostileSchemas_1.writeRedosSchema)(dir);
            (0, hostileSchemas_1.writeEvents)(dir, [{ type: hostileSchemas_1.REDOS_TYPE, data: { name: hostileSchemas_1.REDOS_VALUE } }, { type: hostileSchemas_1.REDOS_TYPE, data: { name: 'aaaa' } }]);
            const validate = cli(['validate', '--store', dir, '--json']);
            strict_1.default.equal(validate.status, 1, validate.stderr);
            const findings = JSON.parse(validate.stdout);
            strict_1.default.deepEqual(findings.filter((f) => f.code === 'EB009').map((f) => f.line), [1], 'the bad value is a violation, the good one is not');
            strict_1.default.match(findings.find((f) => f.code === 'EB009')?.message ?? '', /must match pattern/);
            strict_1.default.ok(validate.ms < 15_000, `validate took ${validate.ms} ms`);
            const publish = cli(['publish', hostileSchemas_1.REDOS_TYPE, '--data', JSON.stringify({ name: hostileSchemas_1.REDOS_VALUE }), '--store', dir]);
            strict_1.default.equal(publish.status, 1, `rejected, not hung: ${publish.stderr}`);
            strict_1.default.match(publish.stderr, /must match pattern/);
            const accepted = cli(['publish', hostileSchemas_1.REDOS_TYPE, '--data', JSON.stringify({ name: 'aaa' }), '--store', dir]);
            strict_1.default.equal(accepted.status, 0, accepted.stderr);
        }
        finally {
            cleanup();
        }
    });
    (0, node_test_1.it)('broken schemas fail closed: EB022 on the schema file, EB023 on each event of the type, publish refused with the reason', () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-broken-schema-');
        try {
            const files = (0, hostileSchemas_1.writeBrokenSchemas)(dir);
            (0, hostileSchemas_1.writeEvents)(dir, [
                { type: hostileSchemas_1.BROKEN_TYPES.invalidJson, data: {} },
                { type: hostileSchemas_1.BROKEN_TYPES.unresolvedRef, data: { a: 1 } },
                { type: hostileSchemas_1.BROKEN_TYPES.remoteRef, data: { a: 1 } },
                { type: hostileSchemas_1.BROKEN_TYPES.remoteRef, data: {} },
            ]);
            const validate = cli(['validate', '--store', dir, '--json']);
            strict_1.default.equal(validate.status, 1, validate.stderr);
            const findings = JSON.parse(validate.stdout);
            const onSchemas = findings.filter((f) => f.code === 'EB022');
            strict_1.default.deepEqual(onSchemas.map((f) => f.file).sort(), Object.values(files).sort());
            strict_1.default.match(onSchemas.find((f) => f.file === files.invalidJson)?.message ?? '', /invalid JSON/);
            strict_1.default.equal(onSchemas.find((f) => f.file === files.invalidJson)?.line, 4, 'the line where the JSON ends early');
            strict_1.default.match(onSchemas.find((f) => f.file === files.unresolvedRef)?.message ?? '', /#\/definitions\/missing cannot be resolved/);
            strict_1.default.match(onSchemas.find((f) => f.file === files.remoteRef)?.message ?? '', /remote.*never fetched/);
            const notChecked = findings.filter((f) => f.code === 'EB023');
            strict_1.default.deepEqual(notChecked.map((f) => f.line), [1, 2, 3, 4]);
            for (const finding of notChecked)
                strict_1.default.match(finding.message, /^not checked: schema broken \(schemas\//);
            for (const type of Object.values(hostileSchemas_1.BROKEN_TYPES)) {
                const publish = cli(['publish', type, '--data', '{"a": 1}', '--store', dir]);
                strict_1.default.equal(publish.status, 1, `${type}: ${publish.stdout}`);
                strict_1.default.match(publish.stderr, new RegExp(`schemas/${type}/1\\.0\\.schema\\.json is unusable`));
            }
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=hostileSchema.int.spec.js.map