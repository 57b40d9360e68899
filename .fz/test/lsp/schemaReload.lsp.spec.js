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
const uris_1 = require("../../src/shared/uris");
const lspFixtures_1 = require("./lspFixtures");
const NEW_FIELD = 'field_the_schema_now_requires';
/** Store-wide: every published diagnostic of the store's event files. */
function schemaFindings(client, files) {
    return files.flatMap((abs) => (client.diagnostics.get((0, uris_1.eventFileUriOf)(abs)) ?? []).filter((d) => d.code === 'EB009' && JSON.stringify(d.message).includes(NEW_FIELD)));
}
async function until(what, test, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
        if (Date.now() > deadline)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}
(0, node_test_1.describe)('schema files edited while the store is open', () => {
    let ws;
    let store;
    let client;
    let eventFiles;
    (0, node_test_1.before)(async () => {
        ws = await (0, lspFixtures_1.startOnGeneratedStore)('eventbus-lsp-schemas-', { events: 400, days: 1, seed: 12 });
        ({ store, client } = ws);
        eventFiles = fs.readdirSync(path.join(store, 'events')).map((f) => path.join(store, 'events', f));
    });
    (0, node_test_1.after)(() => ws?.close());
    (0, node_test_1.it)('validate the store and open documents again with the new schema, without a reopen, and again when it is put back', async () => {
        const [type] = fs.readdirSync(path.join(store, 'schemas'));
        const schemaFile = path.join(store, 'schemas', type, fs.readdirSync(path.join(store, 'schemas', type)).find((f) => f.endsWith('.schema.json')));
        const original = fs.readFileSync(schemaFile, 'utf8');
        const [day] = eventFiles;
        const lines = fs.readFileSync(day, 'utf8').split('\n');
        const typedLines = lines.map((line, i) => (line.includes(`"event_type": "${type}"`) || line.includes(`"event_type":"${type}"`) ? i : -1)).filter((i) => i >= 0);
        assert.ok(typedLines.length > 0, `the day holds ${type} events`);
        assert.equal(schemaFindings(client, eventFiles).length, 0, 'no finding names the field before the change');
        const uri = (0, uris_1.eventFileUriOf)(day);
        client.open(uri, lines.join('\n'));
        const schema = JSON.parse(original);
        fs.writeFileSync(schemaFile, JSON.stringify({ ...schema, required: [...(schema.required ?? []), NEW_FIELD], properties: { ...(schema.properties ?? {}), [NEW_FIELD]: { type: 'string' } } }, null, 2));
        await until('EB009 for the new required field on every event of the type', () => schemaFindings(client, [day]).length >= typedLines.length);
        const onLines = new Set(schemaFindings(client, [day]).map((d) => d.range.start.line));
        for (const line of typedLines)
            assert.ok(onLines.has(line), `line ${line + 1} (a ${type} event) has the finding`);
        fs.writeFileSync(schemaFile, original);
        await until('the findings gone once the schema is back', () => schemaFindings(client, [day]).length === 0);
        client.close(uri);
    });
});
//# sourceMappingURL=schemaReload.lsp.spec.js.map