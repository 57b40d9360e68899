import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BROKEN_TYPES, REDOS_TYPE, REDOS_VALUE, writeBrokenSchemas, writeEvents, writeRedosSchema } from '../helpers/hostileSchemas';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

function cli(args: readonly string[], timeoutMs = 30_000): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: timeoutMs });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}

describe('hostile schemas', () => {
  it('a catastrophic-backtracking pattern costs validate and publish no time: patterns run in linear time', () => {
    const { dir, cleanup } = makeTempDir('eventbus-redos-');
    try {
      writeRedosSchema(dir);
      writeEvents(dir, [{ type: REDOS_TYPE, data: { name: REDOS_VALUE } }, { type: REDOS_TYPE, data: { name: 'aaaa' } }]);
      const validate = cli(['validate', '--store', dir, '--json']);
      assert.equal(validate.status, 1, validate.stderr);
      const findings = JSON.parse(validate.stdout) as JsonFinding[];
      assert.deepEqual(
        findings.filter((f) => f.code === 'EB009').map((f) => f.line),
        [1],
        'the bad value is a violation, the good one is not',
      );
      assert.match(findings.find((f) => f.code === 'EB009')?.message ?? '', /must match pattern/);
      assert.ok(validate.ms < 15_000, `validate took ${validate.ms} ms`);

      const publish = cli(['publish', REDOS_TYPE, '--data', JSON.stringify({ name: REDOS_VALUE }), '--store', dir]);
      assert.equal(publish.status, 1, `rejected, not hung: ${publish.stderr}`);
      assert.match(publish.stderr, /must match pattern/);
      const accepted = cli(['publish', REDOS_TYPE, '--data', JSON.stringify({ name: 'aaa' }), '--store', dir]);
      assert.equal(accepted.status, 0, accepted.stderr);
    } finally {
      cleanup();
    }
  });

  it('broken schemas fail closed: EB022 on the schema file, EB023 on each event of the type, publish refused with the reason', () => {
    const { dir, cleanup } = makeTempDir('eventbus-broken-schema-');
    try {
      const files = writeBrokenSchemas(dir);
      writeEvents(dir, [
        { type: BROKEN_TYPES.invalidJson, data: {} },
        { type: BROKEN_TYPES.unresolvedRef, data: { a: 1 } },
        { type: BROKEN_TYPES.remoteRef, data: { a: 1 } },
        { type: BROKEN_TYPES.remoteRef, data: {} },
      ]);
      const validate = cli(['validate', '--store', dir, '--json']);
      assert.equal(validate.status, 1, validate.stderr);
      const findings = JSON.parse(validate.stdout) as JsonFinding[];
      const onSchemas = findings.filter((f) => f.code === 'EB022');
      assert.deepEqual(onSchemas.map((f) => f.file).sort(), Object.values(files).sort());
      assert.match(onSchemas.find((f) => f.file === files.invalidJson)?.message ?? '', /invalid JSON/);
      assert.equal(onSchemas.find((f) => f.file === files.invalidJson)?.line, 4, 'the line where the JSON ends early');
      assert.match(onSchemas.find((f) => f.file === files.unresolvedRef)?.message ?? '', /#\/definitions\/missing cannot be resolved/);
      assert.match(onSchemas.find((f) => f.file === files.remoteRef)?.message ?? '', /remote.*never fetched/);
      const notChecked = findings.filter((f) => f.code === 'EB023');
      assert.deepEqual(notChecked.map((f) => f.line), [1, 2, 3, 4]);
      for (const finding of notChecked) assert.match(finding.message, /^not checked: schema broken \(schemas\//);

      for (const type of Object.values(BROKEN_TYPES)) {
        const publish = cli(['publish', type, '--data', '{"a": 1}', '--store', dir]);
        assert.equal(publish.status, 1, `${type}: ${publish.stdout}`);
        assert.match(publish.stderr, new RegExp(`schemas/${type}/1\\.0\\.schema\\.json is unusable`));
      }
    } finally {
      cleanup();
    }
  });
});
