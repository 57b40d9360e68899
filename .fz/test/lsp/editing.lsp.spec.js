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
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const generateStore_1 = require("../../src/engine/generate/generateStore");
const loadSchemaRegistry_1 = require("../../src/engine/schema/loadSchemaRegistry");
const commands_1 = require("../../src/shared/commands");
const uris_1 = require("../../src/shared/uris");
const tempStore_1 = require("../helpers/tempStore");
const lspClient_1 = require("./lspClient");
/** Applies single-line edits to one line's text. */
function applyToLine(line, edits) {
    let text = line;
    for (const edit of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
        const end = edit.range.end.line > edit.range.start.line ? text.length : edit.range.end.character;
        text = text.slice(0, edit.range.start.character) + edit.newText + text.slice(end);
    }
    return text.replace(/\n$/, '');
}
(0, node_test_1.describe)('completion, code actions and workspace symbols over stdio', () => {
    let folder;
    let store;
    let cleanup;
    let client;
    let uri;
    let lines;
    let diagnostics;
    (0, node_test_1.before)(async () => {
        ({ dir: folder, cleanup } = (0, tempStore_1.makeTempDir)('eventbus-lsp-edit-'));
        store = path.join(folder, 'event_store');
        (0, generateStore_1.generateStoreSync)({ events: 3000, days: 1, outDir: store, seed: 9, withErrors: true });
        client = await (0, lspClient_1.startServer)({ folder, clientCommands: [commands_1.ReplayAggregateCommand.id] });
        await client.waitForStoreChanged((p) => p.reason === 'opened');
        const file = path.join(store, 'events', 'events_2024-01-15.jsonl');
        uri = (0, uris_1.fileUriOf)(file);
        const text = fs.readFileSync(file, 'utf8');
        lines = text.split('\n');
        client.open(uri, text);
        diagnostics = await client.waitForVersion(uri, 1, (d) => d.some((x) => x.code === 'EB012'));
    });
    (0, node_test_1.after)(async () => {
        await client?.stop();
        cleanup?.();
    });
    (0, node_test_1.it)('the upcast quick fix for EB012 rewrites the line to the newest schema, which then validates', async () => {
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(store);
        const eb012 = diagnostics.find((d) => d.code === 'EB012');
        const actions = (await client.connection.sendRequest(vscode_languageserver_protocol_1.CodeActionRequest.type, {
            textDocument: { uri },
            range: eb012.range,
            context: { diagnostics: [eb012] },
        }));
        const upcast = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]);
        assert.ok(upcast, `an upcast fix among ${actions.map((a) => a.title).join(', ')}`);
        const fixed = JSON.parse(applyToLine(lines[eb012.range.start.line], upcast.edit.changes[uri]));
        assert.equal(fixed.metadata.schema_version, registry.newestVersion(fixed.event_type));
        assert.deepEqual(registry.validateData(fixed.event_type, fixed.metadata.schema_version, fixed.data), []);
    });
    (0, node_test_1.it)('offers only the commands the client declared it can run', async () => {
        const eb012 = diagnostics.find((d) => d.code === 'EB012');
        const actions = (await client.connection.sendRequest(vscode_languageserver_protocol_1.CodeActionRequest.type, {
            textDocument: { uri },
            range: eb012.range,
            context: { diagnostics: [] },
        }));
        const commands = actions.filter((a) => a.command).map((a) => a.command.command);
        assert.ok(commands.includes(commands_1.ReplayAggregateCommand.id));
        assert.ok(!commands.includes(commands_1.ShowInTimelineCommand.id), 'the client did not declare the timeline command');
    });
    (0, node_test_1.it)('the duplicate-id quick fix gives the line a new UUID', async () => {
        const eb013 = diagnostics.find((d) => d.code === 'EB013');
        assert.ok(eb013, 'the generated store has a duplicate event id');
        const actions = (await client.connection.sendRequest(vscode_languageserver_protocol_1.CodeActionRequest.type, {
            textDocument: { uri },
            range: eb013.range,
            context: { diagnostics: [eb013] },
        }));
        const fix = actions.find((a) => a.edit?.changes?.[uri]);
        assert.ok(fix);
        const before = JSON.parse(lines[eb013.range.start.line]);
        const after = JSON.parse(applyToLine(lines[eb013.range.start.line], fix.edit.changes[uri]));
        assert.notEqual(after.metadata.event_id, before.metadata.event_id);
        assert.match(after.metadata.event_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
    (0, node_test_1.it)('the missing-field quick fix for EB009 adds the required property, and the line then validates', async () => {
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(store);
        const text = (d) => (typeof d.message === 'string' ? d.message : d.message.value);
        const missing = diagnostics.find((d) => d.code === 'EB009' && /missing required property/.test(text(d)));
        assert.ok(missing, 'the generated store has an event missing a required field');
        const actions = (await client.connection.sendRequest(vscode_languageserver_protocol_1.CodeActionRequest.type, {
            textDocument: { uri },
            range: missing.range,
            context: { diagnostics: [missing] },
        }));
        const fix = actions.find((a) => a.edit?.changes?.[uri]);
        assert.ok(fix, `a fix among ${actions.map((a) => a.title).join(', ')}`);
        const property = /missing required property "([^"]+)"/.exec(text(missing))[1];
        const fixed = JSON.parse(applyToLine(lines[missing.range.start.line], fix.edit.changes[uri]));
        assert.ok(property in fixed.data, `${property} added`);
        const stillMissing = registry
            .validateData(fixed.event_type, fixed.metadata.schema_version, fixed.data)
            .filter((v) => v.keyword === 'required' && v.params.missingProperty === property);
        assert.deepEqual(stillMissing, []);
    });
    (0, node_test_1.it)('completes event types at the event_type value', async () => {
        const line = lines.findIndex((l) => l.startsWith('{"event_type":"'));
        const character = '{"event_type":"'.length;
        const result = await client.connection.sendRequest(vscode_languageserver_protocol_1.CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
        const items = (Array.isArray(result) ? result : (result?.items ?? []));
        const labels = items.map((i) => i.label);
        for (const type of ['trade_executed', 'market_data_received', 'system_health_check'])
            assert.ok(labels.includes(type), `${type} offered`);
    });
    (0, node_test_1.it)('finds an event by the start of its id across the workspace', async () => {
        const line = lines.find((l) => l.includes('"event_id":"'));
        const id = /"event_id":"([^"]+)"/.exec(line)[1];
        const symbols = await client.connection.sendRequest(vscode_languageserver_protocol_1.WorkspaceSymbolRequest.type, { query: id.slice(0, 8) });
        assert.ok(symbols && symbols.length >= 1);
        const location = symbols[0].location;
        assert.equal(location.uri, uri);
        assert.ok(lines[location.range.start.line].includes(id.slice(0, 8)));
    });
});
//# sourceMappingURL=editing.lsp.spec.js.map