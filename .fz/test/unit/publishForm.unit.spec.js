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
const node_test_1 = require("node:test");
const schemaTemplate_1 = require("../../src/engine/schema/schemaTemplate");
const draftRequests_1 = require("../../src/extension/publish/draftRequests");
const errorText_1 = require("../../src/extension/errorText");
const publishFormProtocol_1 = require("../../src/shared/publishFormProtocol");
(0, node_test_1.describe)('the publish form', () => {
    (0, node_test_1.it)('fills a template from the schema: defaults as written, required fields with a placeholder of their type, optional ones left out', () => {
        const schema = {
            type: 'object',
            required: ['symbol', 'quantity', 'side', 'flags', 'venue', 'nested', 'undeclared'],
            properties: {
                symbol: { type: 'string' },
                quantity: { type: 'number', minimum: 1 },
                side: { enum: ['buy', 'sell'] },
                flags: { type: 'array' },
                venue: { type: ['null', 'string'] },
                price: { type: 'number', default: 100.5 },
                note: { type: 'string' },
                nested: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, label: { type: 'string' } } },
            },
        };
        assert.deepEqual((0, schemaTemplate_1.templateFromSchema)(schema), {
            symbol: '',
            quantity: 1,
            side: 'buy',
            flags: [],
            venue: '',
            price: 100.5,
            nested: { id: 0 },
            undeclared: null,
        });
        assert.deepEqual((0, schemaTemplate_1.requiredProperties)(schema), schema.required);
        assert.deepEqual((0, schemaTemplate_1.templateFromSchema)(true), {});
        // A default is copied, not shared: editing the template cannot change the schema.
        const withDefault = { type: 'object', properties: { tags: { default: ['a'] } } };
        (0, schemaTemplate_1.templateFromSchema)(withDefault).tags.push('b');
        assert.deepEqual(withDefault.properties.tags.default, ['a']);
    });
    (0, node_test_1.it)('says what is wrong with a draft before the server is asked', () => {
        assert.deepEqual((0, draftRequests_1.draftToParams)({ ...(0, publishFormProtocol_1.emptyDraft)(''), dataText: '{}' }, undefined), { ok: false, problems: ['choose an event type'] });
        const broken = (0, draftRequests_1.draftToParams)({ ...(0, publishFormProtocol_1.emptyDraft)('risk_alert'), dataText: '{"a": }' }, undefined);
        assert.ok(!broken.ok && /line 1, column 7/.test(broken.problems[0]), JSON.stringify(broken));
        const spaced = (0, draftRequests_1.draftToParams)({ ...(0, publishFormProtocol_1.emptyDraft)('risk_alert'), aggregateId: ' trader_1' }, undefined);
        assert.ok(!spaced.ok && /aggregate id has spaces/.test(spaced.problems[0]));
        const good = (0, draftRequests_1.draftToParams)({ ...(0, publishFormProtocol_1.emptyDraft)('risk_alert'), dataText: '{"a": 1}', aggregateId: 'trader_1', causationId: '' }, '/store');
        assert.deepEqual(good, { ok: true, params: { store: '/store', trusted: true, eventType: 'risk_alert', data: { a: 1 }, aggregateId: 'trader_1', source: 'vscode' } });
    });
    (0, node_test_1.it)('republishes a stored event as a template: its type, data and ids, never its event id or time', () => {
        const draft = (0, draftRequests_1.draftFromEvent)({
            event_type: 'trade_executed',
            data: { symbol: 'BTCUSDT' },
            metadata: { event_id: 'e-1', timestamp: 't', aggregate_id: 'trader_2', correlation_id: 'c-1', causation_id: 'e-0', source: 'TradingBot' },
        });
        assert.deepEqual(draft, {
            eventType: 'trade_executed',
            dataText: '{\n  "symbol": "BTCUSDT"\n}',
            aggregateId: 'trader_2',
            correlationId: 'c-1',
            causationId: 'e-0',
            source: 'TradingBot',
        });
        assert.deepEqual((0, draftRequests_1.draftFromEvent)({ event_type: 'x', data: null, metadata: { aggregate_id: null } }).aggregateId, '');
    });
    (0, node_test_1.it)('the page and the host accept only well-formed messages', () => {
        const draft = (0, publishFormProtocol_1.emptyDraft)('risk_alert');
        assert.ok((0, publishFormProtocol_1.isPublishPageMessage)({ type: 'check', ticket: 3, draft }));
        assert.ok(!(0, publishFormProtocol_1.isPublishPageMessage)({ type: 'check', ticket: 3, draft: { ...draft, aggregateId: 5 } }));
        assert.ok(!(0, publishFormProtocol_1.isPublishPageMessage)({ type: 'suggest', field: 'eventId', prefix: '', draft }));
        assert.ok(!(0, publishFormProtocol_1.isPublishPageMessage)({ type: 'publish' }));
        assert.ok((0, publishFormProtocol_1.isPublishHostMessage)({ type: 'verdict', ticket: 1, verdict: { schemaVersion: '1.0', problems: ['data must have required property "x"'] } }));
        assert.ok(!(0, publishFormProtocol_1.isPublishHostMessage)({ type: 'verdict', ticket: 1, verdict: { schemaVersion: '1.0', problems: [{}] } }));
        assert.ok(!(0, publishFormProtocol_1.isPublishHostMessage)({ type: 'init', storeName: 's', types: ['a'], draft: {} }));
    });
});
(0, node_test_1.describe)('editor error messages', () => {
    (0, node_test_1.it)('drop the JSON-RPC request wrapper and the CLI flags', () => {
        assert.equal((0, errorText_1.editorErrorText)(new Error('Request eventbus/publish failed with message: risk_alert was rejected')), 'risk_alert was rejected');
        assert.equal((0, errorText_1.editorErrorText)(new Error('/w/event_store: already holds a store (events); choose an empty folder or pass --force to replace it')), '/w/event_store: already holds a store (events); choose an empty folder, or move that store away first');
        const projection = (0, errorText_1.editorErrorText)(new Error('the store\'s fold is the projection "p": it runs code from the store, so allow projections (--allow-projections, or a trusted workspace) to rebuild its state'));
        assert.doesNotMatch(projection, /--/);
        assert.match(projection, /eventbus\.projections\.enabled/);
        assert.equal((0, errorText_1.editorErrorText)(''), 'the language server gave no reason');
    });
});
//# sourceMappingURL=publishForm.unit.spec.js.map