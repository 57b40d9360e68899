import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

/** The repository root (tests run from out/): where the lint config sits. */
function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'test', 'lint', 'eslint.config.mjs')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no test/lint/eslint.config.mjs above ${__dirname}`);
}

const ROOT = repoRoot();
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'test', 'lint', 'eslint.config.mjs') });

/** The boundary messages `npm run lint` gives for one import written in a (made-up) file of a room. */
async function boundaryErrors(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { something } from '${specifier}';\nexport const used = something;\n`, { filePath: path.join(ROOT, file) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

async function assertRefused(file: string, specifier: string, because: RegExp): Promise<void> {
  const errors = await boundaryErrors(file, specifier);
  assert.equal(errors.length, 1, `${file} importing ${specifier} should be refused, got ${JSON.stringify(errors)}`);
  assert.match(errors[0], because);
}

async function assertAllowed(file: string, specifier: string): Promise<void> {
  assert.deepEqual(await boundaryErrors(file, specifier), [], `${file} importing ${specifier} should be allowed`);
}

describe('npm run lint: the rooms of the house are enforced', () => {
  it('the engine never imports vscode, an LSP package or a room above it', async () => {
    await assertRefused('src/engine/store/layout.ts', 'vscode', /never imports vscode/);
    await assertRefused('src/engine/index/eventIndex.ts', 'vscode-languageserver/node', /never imports vscode/);
    await assertRefused('src/engine/replay/replay.ts', '../../server/serverContext', /ground floor/);
    await assertRefused('src/engine/replay/replay.ts', '../../shared/protocol', /ground floor/);
    await assertAllowed('src/engine/replay/replay.ts', '../store/layout');
    await assertAllowed('src/engine/schema/ajvFactory.ts', 'ajv');
  });

  it('the CLI stands on the engine only', async () => {
    await assertRefused('src/cli/commands/stats.ts', '../../server/storeSession', /engine only/);
    await assertRefused('src/cli/main.ts', 'vscode', /without VS Code/);
    await assertAllowed('src/cli/commands/stats.ts', '../../engine/openStore');
  });

  it('the language server never imports the vscode API or the client', async () => {
    await assertRefused('src/server/main.ts', 'vscode', /own process/);
    await assertRefused('src/server/handlers/replay.ts', '../../extension/replayCommand', /never the client/);
    await assertAllowed('src/server/main.ts', 'vscode-languageserver/node');
    await assertAllowed('src/server/handlers/replay.ts', '../../engine/replay/replay');
  });

  it('the client asks the server instead of reading the store', async () => {
    await assertRefused('src/extension/views/aggregatesView.ts', '../../engine/index/eventIndex', /never parses the store/);
    await assertRefused('src/extension/extension.ts', '../server/storeSession', /never imports the server/);
    await assertRefused('src/extension/timeline/timelinePanel.ts', '../../webview/timeline/timelinePage', /never imports the webview pages/);
    await assertAllowed('src/extension/commands/pickers.ts', '../../engine/model/eventTypes');
    await assertAllowed('src/extension/views/aggregatesView.ts', '../../shared/protocol');
  });

  it('shared imports no room, and the webview pages run in the browser', async () => {
    await assertRefused('src/shared/protocol.ts', '../engine/model/event', /imports no room/);
    await assertRefused('src/webview/timeline/timelinePage.ts', 'node:fs', /run in the browser/);
    await assertRefused('src/webview/inspector/inspectorPage.ts', '../../engine/state/rebuild', /shared only/);
    await assertAllowed('src/webview/timeline/timelinePage.ts', '../../shared/timelineProtocol');
  });
});
