import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES } from '../../src/engine/validate/codes';

// The editor links each diagnostic to README#ebNNN (codeDescription), so the
// table must list every code with the severity and name the rules use.
test('the README table of diagnostic codes matches the codes the rules report', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  for (const info of Object.values(CODES)) {
    const row = readme.split('\n').find((line) => line.includes(`\`${info.code}\``));
    assert.ok(row, `README has no row for ${info.code}`);
    assert.ok(row.includes(`id="${info.code.toLowerCase()}"`), `${info.code} has no anchor`);
    assert.ok(row.includes(`| ${info.severity} |`), `${info.code} severity in README differs from ${info.severity}`);
    assert.ok(row.includes(`\`${info.name}\``), `${info.code} name in README differs from ${info.name}`);
  }
});
