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
const busConfig_1 = require("../../src/engine/config/busConfig");
const projectionChoice_1 = require("../../src/extension/commands/projectionChoice");
const busSettings_1 = require("../../src/extension/settings/busSettings");
const statusRows_1 = require("../../src/extension/views/model/statusRows");
const serverSettings_1 = require("../../src/server/serverSettings");
function repoRoot() {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'src', 'engine', 'config')) && fs.existsSync(path.join(dir, 'package.json')))
            return dir;
    }
    return process.cwd();
}
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
const properties = pkg.contributes.configuration.properties;
(0, node_test_1.describe)('package.json settings', () => {
    (0, node_test_1.it)('declares every bus key of the guide with its default, type and range, and no others', () => {
        const declared = Object.keys(properties).filter((key) => key.startsWith('eventbus.bus.')).map((key) => key.slice('eventbus.bus.'.length));
        assert.deepEqual([...declared].sort(), [...busConfig_1.CONFIG_KEYS].sort());
        for (const key of busConfig_1.CONFIG_KEYS) {
            const property = properties[`eventbus.bus.${key}`];
            const rule = busConfig_1.CONFIG_RULES[key];
            assert.deepEqual(property.default, busConfig_1.DEFAULT_CONFIG[key], `${key}: default`);
            assert.equal(property.scope, 'resource', `${key}: scope`);
            assert.ok(property.markdownDescription && property.markdownDescription.length > 10, `${key}: description`);
            if (rule.kind === 'boolean')
                assert.equal(property.type, 'boolean', key);
            else if (rule.kind === 'string')
                assert.deepEqual([property.type, property.minLength], ['string', 1], key);
            else {
                assert.equal(property.type, rule.integer ? 'integer' : 'number', `${key}: type`);
                if (rule.exclusiveMin)
                    assert.equal(property.exclusiveMinimum, rule.min, `${key}: exclusiveMinimum`);
                else
                    assert.equal(property.minimum, rule.min, `${key}: minimum`);
            }
        }
    });
    (0, node_test_1.it)('declares eventbus.projections.enabled off by default and restricted in untrusted workspaces', () => {
        const property = properties['eventbus.projections.enabled'];
        assert.deepEqual([property.type, property.default, property.scope], ['boolean', false, 'resource']);
        assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['eventbus.projections.enabled']);
    });
});
(0, node_test_1.describe)('resolveSettings: projections and bus keys', () => {
    (0, node_test_1.it)('defaults to projections off and no bus overrides', () => {
        const { settings, warnings } = (0, serverSettings_1.resolveSettings)({});
        assert.equal(settings.projectionsEnabled, false);
        assert.deepEqual(settings.bus, {});
        assert.deepEqual(warnings, []);
    });
    (0, node_test_1.it)('reads projectionsEnabled, or projections.enabled as VS Code nests it', () => {
        assert.equal((0, serverSettings_1.resolveSettings)({ projectionsEnabled: true }).settings.projectionsEnabled, true);
        assert.equal((0, serverSettings_1.resolveSettings)({ projections: { enabled: true } }).settings.projectionsEnabled, true);
        const bad = (0, serverSettings_1.resolveSettings)({ projectionsEnabled: 'yes' });
        assert.equal(bad.settings.projectionsEnabled, false);
        assert.match(bad.warnings[0], /eventbus\.projections\.enabled: expected true or false/);
    });
    (0, node_test_1.it)('keeps valid bus keys and logs bad ones without failing', () => {
        const { settings, warnings } = (0, serverSettings_1.resolveSettings)({ bus: { max_retry_count: 5, event_ttl_days: 0, max_retry: 1, compression_enabled: false } });
        assert.deepEqual(settings.bus, { max_retry_count: 5, compression_enabled: false });
        assert.equal(warnings.length, 2);
        assert.ok(warnings.some((w) => /eventbus\.bus\.event_ttl_days: expected an integer >= 1, got 0/.test(w)));
        assert.ok(warnings.some((w) => /eventbus\.bus\.max_retry: not a bus key/.test(w)));
        assert.match((0, serverSettings_1.resolveSettings)({ bus: 3 }).warnings[0], /eventbus\.bus: expected an object/);
    });
    (0, node_test_1.it)('compares bus overrides', () => {
        assert.equal((0, serverSettings_1.sameBus)({ max_retry_count: 1 }, { max_retry_count: 1 }), true);
        assert.equal((0, serverSettings_1.sameBus)({ max_retry_count: 1 }, {}), false);
    });
});
(0, node_test_1.describe)('explicitBusSettings', () => {
    (0, node_test_1.it)('sends only keys the user set, the most specific scope first', () => {
        const set = {
            'bus.max_retry_count': { globalValue: 2, workspaceValue: 4 },
            'bus.event_ttl_days': { globalValue: 7, workspaceFolderValue: 3 },
            'bus.batch_size': {},
        };
        assert.deepEqual((0, busSettings_1.explicitBusSettings)((key) => set[key]), { max_retry_count: 4, event_ttl_days: 3 });
        assert.deepEqual((0, busSettings_1.explicitBusSettings)(() => undefined), {});
    });
});
(0, node_test_1.describe)('decideProjection', () => {
    const projections = [{ name: 'counter', file: 'projections/counter.js' }];
    (0, node_test_1.it)('offers the default reducer and each projection when trusted and enabled', () => {
        const decision = (0, projectionChoice_1.decideProjection)({ trusted: true, enabled: true, projections });
        assert.equal(decision.kind, 'pick');
        if (decision.kind !== 'pick')
            return;
        assert.deepEqual(decision.items.map((i) => [i.label, i.projection]), [[projectionChoice_1.DEFAULT_REDUCER_LABEL, undefined], ['counter', 'counter']]);
    });
    (0, node_test_1.it)('does not offer projections when untrusted, disabled, or when there are none', () => {
        assert.equal((0, projectionChoice_1.decideProjection)({ trusted: false, enabled: true, projections }).kind, 'default');
        assert.equal((0, projectionChoice_1.decideProjection)({ trusted: true, enabled: false, projections }).kind, 'default');
        assert.equal((0, projectionChoice_1.decideProjection)({ trusted: true, enabled: true, projections: [] }).kind, 'default');
    });
    (0, node_test_1.it)('says why a requested projection may not run, and runs it when allowed', () => {
        const untrusted = (0, projectionChoice_1.decideProjection)({ trusted: false, enabled: true, projections, requested: 'counter' });
        assert.equal(untrusted.kind, 'refuse');
        if (untrusted.kind === 'refuse') {
            assert.match(untrusted.message, /needs a trusted workspace and eventbus\.projections\.enabled: projection code comes from the workspace/);
            assert.match(untrusted.message, /the workspace is not trusted/);
        }
        const off = (0, projectionChoice_1.decideProjection)({ trusted: true, enabled: false, projections, requested: 'counter' });
        assert.ok(off.kind === 'refuse' && /eventbus\.projections\.enabled is off/.test(off.message));
        assert.deepEqual((0, projectionChoice_1.decideProjection)({ trusted: true, enabled: true, projections, requested: 'counter' }), { kind: 'use', projection: 'counter' });
    });
});
(0, node_test_1.describe)('Status view: bus rows', () => {
    const bus = {
        status: 'stopped',
        queue_size: 0,
        metrics: { events_published: 1234, events_processed: 1200, events_failed: 2, snapshots_created: 1 },
        subscribers_count: { trade_executed: 2, '*': 1 },
        persistence_enabled: true,
        snapshots_enabled: false,
        timestamp: '2024-01-15T12:00:00',
    };
    (0, node_test_1.it)('shows queue, metrics, subscribers and what the bus persists', () => {
        const byId = new Map((0, statusRows_1.busRows)(bus).map((r) => [r.id, r]));
        assert.equal(byId.get('busStatus')?.value, 'stopped');
        assert.equal(byId.get('busQueue')?.value, '0');
        assert.equal(byId.get('busMetrics')?.value, '1,234 published, 1,200 processed, 2 failed');
        assert.match(byId.get('busMetrics')?.tooltip ?? '', /snapshots_created: 1/);
        assert.equal(byId.get('busSubscribers')?.value, '3');
        assert.match(byId.get('busSubscribers')?.tooltip ?? '', /trade_executed: 2/);
        assert.equal(byId.get('busPersistence')?.value, 'on');
        assert.equal(byId.get('busSnapshots')?.value, 'off');
    });
    (0, node_test_1.it)('appears in the store rows only when the status has a bus', () => {
        const status = {
            storeRoot: '/ws/event_store',
            folder: '/ws',
            state: 'ready',
            eventCount: 10,
            files: 1,
            problems: { error: 0, warning: 0, information: 0, hint: 0 },
            sequenceMode: 'global',
            lastRefresh: null,
        };
        assert.equal((0, statusRows_1.statusRows)(status, {}, 0).some((r) => r.id === 'busStatus'), false);
        const ids = (0, statusRows_1.statusRows)({ ...status, bus }, {}, 0).map((r) => r.id);
        assert.ok(ids.includes('busQueue') && ids.indexOf('busStatus') < ids.indexOf('lastRefresh'));
    });
});
//# sourceMappingURL=settingsGaps.unit.spec.js.map