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
const node_test_1 = require("node:test");
const node_1 = require("vscode-jsonrpc/node");
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const uris_1 = require("../../src/shared/uris");
const lspClient_1 = require("./lspClient");
(0, node_test_1.describe)('server transports', () => {
    (0, node_test_1.it)('speaks LSP over node IPC (--node-ipc, what TransportKind.ipc uses)', async () => {
        const child = (0, node_child_process_1.fork)(lspClient_1.SERVER_JS, ['--node-ipc'], { silent: true });
        const connection = (0, vscode_languageserver_protocol_1.createProtocolConnection)(new node_1.IPCMessageReader(child), new node_1.IPCMessageWriter(child));
        connection.listen();
        try {
            const result = await connection.sendRequest(vscode_languageserver_protocol_1.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
            assert.equal(result.serverInfo?.name, 'eventbus-language-server');
            assert.ok(result.capabilities.textDocumentSync);
        }
        finally {
            connection.dispose();
            child.kill();
        }
    });
});
(0, node_test_1.describe)('event file URIs (src/shared/uris)', () => {
    (0, node_test_1.it)('names plain days by file URI and gzip days by the eventbus: scheme, and reads both back', () => {
        const plain = '/home/me/my app/event_store/events/events_2024-01-15.jsonl';
        const gz = `${plain}.gz`;
        assert.equal((0, uris_1.fileUriOf)(plain), 'file:///home/me/my%20app/event_store/events/events_2024-01-15.jsonl');
        assert.equal((0, uris_1.decompressedUriOf)(gz), 'eventbus:/home/me/my%20app/event_store/events/events_2024-01-15.jsonl.gz?decompressed');
        assert.equal((0, uris_1.eventFileUriOf)(gz), (0, uris_1.decompressedUriOf)(gz));
        assert.equal((0, uris_1.eventFileUriOf)(plain), (0, uris_1.fileUriOf)(plain));
        assert.equal((0, uris_1.fsPathOfUri)((0, uris_1.fileUriOf)(plain), false), plain);
        assert.equal((0, uris_1.fsPathOfUri)((0, uris_1.decompressedUriOf)(gz), false), gz);
        assert.equal((0, uris_1.fsPathOfUri)('untitled:Untitled-1', false), undefined);
    });
    (0, node_test_1.it)('encodes Windows paths as VS Code does (lower-case drive, %3A) and decodes either spelling', () => {
        assert.equal((0, uris_1.fileUriOf)('C:\\work\\event_store\\events\\events_2024-01-15.jsonl'), 'file:///c%3A/work/event_store/events/events_2024-01-15.jsonl');
        assert.equal((0, uris_1.fsPathOfUri)('file:///C:/work/x.jsonl', true), 'c:\\work\\x.jsonl');
        assert.equal((0, uris_1.fsPathOfUri)('file:///c%3A/work/x.jsonl', true), 'c:\\work\\x.jsonl');
    });
});
//# sourceMappingURL=transport.lsp.spec.js.map