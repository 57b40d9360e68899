import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import { IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { createProtocolConnection, InitializeRequest } from 'vscode-languageserver-protocol';
import { decompressedUriOf, eventFileUriOf, fileUriOf, fsPathOfUri } from '../../src/shared/uris';
import { SERVER_JS } from './lspClient';

describe('server transports', () => {
  it('speaks LSP over node IPC (--node-ipc, what TransportKind.ipc uses)', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { silent: true });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'eventbus-language-server');
      assert.ok(result.capabilities.textDocumentSync);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

describe('event file URIs (src/shared/uris)', () => {
  it('names plain days by file URI and gzip days by the eventbus: scheme, and reads both back', () => {
    const plain = '/home/me/my app/event_store/events/events_2024-01-15.jsonl';
    const gz = `${plain}.gz`;
    assert.equal(fileUriOf(plain), 'file:///home/me/my%20app/event_store/events/events_2024-01-15.jsonl');
    assert.equal(decompressedUriOf(gz), 'eventbus:/home/me/my%20app/event_store/events/events_2024-01-15.jsonl.gz?decompressed');
    assert.equal(eventFileUriOf(gz), decompressedUriOf(gz));
    assert.equal(eventFileUriOf(plain), fileUriOf(plain));
    assert.equal(fsPathOfUri(fileUriOf(plain), false), plain);
    assert.equal(fsPathOfUri(decompressedUriOf(gz), false), gz);
    assert.equal(fsPathOfUri('untitled:Untitled-1', false), undefined);
  });

  it('encodes Windows paths as VS Code does (lower-case drive, %3A) and decodes either spelling', () => {
    assert.equal(fileUriOf('C:\\work\\event_store\\events\\events_2024-01-15.jsonl'), 'file:///c%3A/work/event_store/events/events_2024-01-15.jsonl');
    assert.equal(fsPathOfUri('file:///C:/work/x.jsonl', true), 'c:\\work\\x.jsonl');
    assert.equal(fsPathOfUri('file:///c%3A/work/x.jsonl', true), 'c:\\work\\x.jsonl');
  });
});
