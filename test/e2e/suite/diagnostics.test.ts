import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, diagnosticKey, findingKey, waitForDiagnostics } from './diagnosticKeys';
import { findingsOf, loadFixture } from './fixture';

describe('diagnostics of a plain day', () => {
  const fixture = loadFixture();
  const uri = vscode.Uri.file(fixture.eventFile);
  const expectedFindings = findingsOf(fixture, fixture.eventFile);

  before(async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  it('the fixture day has faults of several codes (else this suite proves nothing)', () => {
    const codes = new Set(expectedFindings.map((f) => f.code));
    // Repeated causes are one finding each (with a count), so a faulty day gives fewer than one per event.
    assert.ok(expectedFindings.length >= 6, `only ${expectedFindings.length} findings`);
    assert.ok(codes.size >= 4, `only codes ${[...codes].join(', ')}`);
  });

  it('equal eventbus validate: the same codes, ranges and severities', async () => {
    const expected = expectedFindings.map(findingKey);
    const result = await waitForDiagnostics(uri, expected, 60_000);
    assert.deepEqual(
      { got: result.diagnostics.length, missing: result.missing.slice(0, 15), unexpected: result.unexpected.slice(0, 15) },
      { got: expected.length, missing: [], unexpected: [] },
    );
  });

  it('carry the CLI message, source "eventbus" and a link to the code table', () => {
    const messageByKey = new Map(expectedFindings.map((f) => [findingKey(f), f.message]));
    const diagnostics = vscode.languages.getDiagnostics(uri);
    assert.equal(diagnostics.length, expectedFindings.length);
    for (const d of diagnostics) {
      const key = diagnosticKey(d);
      assert.equal(d.source, 'eventbus', key);
      assert.equal(d.message, messageByKey.get(key), key);
      const code = diagnosticCode(d);
      assert.match(code, /^EB0\d\d$/);
      assert.ok(typeof d.code === 'object', `${key}: code has no codeDescription link`);
      assert.equal(d.code.target.toString(), `https://github.com/eventbus-debugger/eventbus-debugger#${code.toLowerCase()}`);
    }
  });
});
