"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const definition_1 = require("../../src/server/features/definition");
const documentSymbols_1 = require("../../src/server/features/documentSymbols");
const references_1 = require("../../src/server/features/references");
const workspaceSymbols_1 = require("../../src/server/features/workspaceSymbols");
const featuresTestStore_1 = require("./featuresTestStore");
(0, node_test_1.describe)('navigation on event lines', () => {
    let store;
    /** An event whose cause sits in an earlier file: definition must cross files. */
    let crossFile;
    (0, node_test_1.before)(async () => {
        store = await (0, featuresTestStore_1.openFeatureStore)();
        const index = store.ctx.engine.index;
        for (let o = 0; o < index.eventCount && !crossFile; o++) {
            const e = index.event(o);
            if (!e.causationId)
                continue;
            const causes = index.ordinalsOfEventId(e.causationId);
            if (causes.length === 1 && index.event(causes[0]).file !== e.file)
                crossFile = e;
        }
        node_assert_1.strict.ok(crossFile, 'a chain crosses midnight in the generated store');
    });
    (0, node_test_1.after)(async () => store.close());
    const lineOf = (e) => store.lineOf(e.file, e.line);
    const at = (e, key) => ({ line: e.line - 1, character: (0, featuresTestStore_1.valueCursor)(lineOf(e), key) });
    (0, node_test_1.it)('causation_id goes to the causing event\'s line, across files', () => {
        const index = store.ctx.engine.index;
        const cause = index.event(index.ordinalsOfEventId(crossFile.causationId)[0]);
        const location = (0, definition_1.definition)(store.ctx, lineOf(crossFile), at(crossFile, 'causation_id'));
        node_assert_1.strict.ok(location);
        node_assert_1.strict.equal(location.uri, store.ctx.uriOf(cause.file));
        node_assert_1.strict.notEqual(location.uri, store.ctx.uriOf(crossFile.file));
        node_assert_1.strict.equal(location.range.start.line, cause.line - 1);
        node_assert_1.strict.equal(location.range.start.character, 0);
        // The target line really is the cause.
        node_assert_1.strict.ok(store.lineOf(cause.file, location.range.start.line + 1).includes(`"event_id":"${crossFile.causationId}"`));
        node_assert_1.strict.ok(location.range.end.character >= store.lineOf(cause.file, cause.line).length);
    });
    (0, node_test_1.it)('correlation_id goes to the first event of the correlation', () => {
        const index = store.ctx.engine.index;
        const members = index.ordinalsOfCorrelation(crossFile.correlationId);
        const first = index.event(Math.min(...members));
        const location = (0, definition_1.definition)(store.ctx, lineOf(crossFile), at(crossFile, 'correlation_id'));
        node_assert_1.strict.ok(location);
        node_assert_1.strict.equal(location.uri, store.ctx.uriOf(first.file));
        node_assert_1.strict.equal(location.range.start.line, first.line - 1);
        node_assert_1.strict.ok(first.ordinal !== crossFile.ordinal);
    });
    (0, node_test_1.it)('no definition for an unknown cause or outside an id', () => {
        const fault = store.summary.faults.find((f) => f.kind === 'unknown-causation');
        node_assert_1.strict.ok(fault);
        const line = store.lineOf(fault.file, fault.line);
        node_assert_1.strict.equal((0, definition_1.definition)(store.ctx, line, { line: 0, character: (0, featuresTestStore_1.valueCursor)(line, 'causation_id') }), null);
        node_assert_1.strict.equal((0, definition_1.definition)(store.ctx, line, { line: 0, character: (0, featuresTestStore_1.valueCursor)(line, 'timestamp') }), null);
    });
    (0, node_test_1.it)('references on correlation_id and aggregate_id: every event of it, in store order', () => {
        const index = store.ctx.engine.index;
        const onCorrelation = (0, references_1.references)(store.ctx, lineOf(crossFile), at(crossFile, 'correlation_id'));
        node_assert_1.strict.equal(onCorrelation.length, index.correlationSize(crossFile.correlationId));
        const aggregateEvent = index.event(index.ordinalsOfAggregate('portfolio_1')[3]);
        const onAggregate = (0, references_1.references)(store.ctx, lineOf(aggregateEvent), at(aggregateEvent, 'aggregate_id'));
        node_assert_1.strict.equal(onAggregate.length, index.aggregateSize('portfolio_1'));
        node_assert_1.strict.ok(onAggregate.length > 10);
        const expected = [...index.ordinalsOfAggregate('portfolio_1')].sort((a, b) => a - b).map((o) => index.event(o));
        node_assert_1.strict.deepEqual(onAggregate.map((l) => [l.uri, l.range.start.line]), expected.map((e) => [store.ctx.uriOf(e.file), e.line - 1]));
        for (const l of onAggregate.slice(0, 20)) {
            const file = expected.find((e) => store.ctx.uriOf(e.file) === l.uri)?.file;
            node_assert_1.strict.ok(store.lineOf(file, l.range.start.line + 1).includes('"aggregate_id":"portfolio_1"'));
        }
        node_assert_1.strict.equal((0, references_1.references)(store.ctx, lineOf(aggregateEvent), at(aggregateEvent, 'aggregate_id'), { cap: 7 }).length, 7);
    });
    (0, node_test_1.it)('references on an event_id: the event and its direct effects', () => {
        const index = store.ctx.engine.index;
        const cause = index.event(index.ordinalsOfEventId(crossFile.causationId)[0]);
        const effects = index.ordinalsCausedBy(cause.eventId).length;
        node_assert_1.strict.equal((0, references_1.references)(store.ctx, lineOf(cause), at(cause, 'event_id')).length, effects + 1);
        node_assert_1.strict.equal((0, references_1.references)(store.ctx, lineOf(cause), at(cause, 'event_id'), { includeDeclaration: false }).length, effects);
    });
    (0, node_test_1.it)('document symbols: one per event line, seq · type · aggregate, capped', () => {
        const file = store.summary.files[0];
        const text = store.linesOf(file).join('\n');
        const symbols = (0, documentSymbols_1.documentSymbols)(text);
        const indexed = store.ctx.engine.index.files.find((f) => f.file === file);
        node_assert_1.strict.ok(indexed);
        node_assert_1.strict.equal(symbols.length, indexed.events);
        const first = JSON.parse(store.lineOf(file, 1));
        node_assert_1.strict.equal(symbols[0].name, `${first.metadata.sequence_number} · ${first.event_type} · ${first.metadata.aggregate_id}`);
        node_assert_1.strict.equal(symbols[0].detail, first.metadata.timestamp);
        node_assert_1.strict.equal(symbols[0].kind, vscode_languageserver_protocol_1.SymbolKind.Event);
        node_assert_1.strict.deepEqual(symbols[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: store.lineOf(file, 1).length } });
        // The invalid-JSON fault line has no symbol: symbols skip its line number.
        const fault = store.summary.faults.find((f) => f.kind === 'invalid-json' && f.file === file);
        node_assert_1.strict.ok(fault);
        node_assert_1.strict.ok(!symbols.some((s) => s.range.start.line === fault.line - 1));
        const capped = (0, documentSymbols_1.documentSymbols)(text, 100);
        node_assert_1.strict.equal(capped.length, 100);
        node_assert_1.strict.equal(capped[99].range.start.line, 99);
        node_assert_1.strict.deepEqual((0, documentSymbols_1.documentSymbols)('{"event_type":"x","data":{},"metadata":{}}\r\n\r\nnot json'), [
            {
                name: '? · x · —',
                kind: vscode_languageserver_protocol_1.SymbolKind.Event,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 42 } },
                selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 42 } },
            },
        ]);
    });
    (0, node_test_1.it)('workspace symbols: events by event id prefix, aggregates by id prefix, capped', () => {
        const prefix = crossFile.eventId.slice(0, 6);
        const found = (0, workspaceSymbols_1.workspaceSymbols)(store.ctx, prefix.toUpperCase());
        const hit = found.find((s) => s.name === crossFile.eventId);
        node_assert_1.strict.ok(hit, 'the event is found by the start of its id, whatever the case');
        node_assert_1.strict.ok(found.every((s) => s.name.toLowerCase().startsWith(prefix)));
        node_assert_1.strict.equal(hit.location.uri, store.ctx.uriOf(crossFile.file));
        node_assert_1.strict.equal(hit.location.range.start.line, crossFile.line - 1);
        const whole = (0, workspaceSymbols_1.workspaceSymbols)(store.ctx, crossFile.eventId);
        node_assert_1.strict.ok(whole.some((s) => s.name === crossFile.eventId && s.kind === vscode_languageserver_protocol_1.SymbolKind.Event));
        const traders = (0, workspaceSymbols_1.workspaceSymbols)(store.ctx, 'trader_');
        const traderIds = store.ctx.engine.index.aggregateIds().filter((id) => id.startsWith('trader_'));
        node_assert_1.strict.equal(traders.filter((s) => s.kind === vscode_languageserver_protocol_1.SymbolKind.Class).length, traderIds.length);
        node_assert_1.strict.equal((0, workspaceSymbols_1.workspaceSymbols)(store.ctx, 'trader_', 2).length, 2);
        node_assert_1.strict.equal((0, workspaceSymbols_1.workspaceSymbols)(store.ctx, '').length, 0);
    });
});
//# sourceMappingURL=featuresNavigation.unit.spec.js.map