import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_KEYS, CONFIG_RULES, DEFAULT_CONFIG } from '../../src/engine/config/busConfig';
import { DEFAULT_REDUCER_LABEL, decideProjection } from '../../src/extension/commands/projectionChoice';
import { explicitBusSettings } from '../../src/extension/settings/busSettings';
import { busRows, statusRows } from '../../src/extension/views/model/statusRows';
import { resolveSettings, sameBus } from '../../src/server/serverSettings';
import type { BusStatusJson, StoreStatus } from '../../src/shared/protocol';

function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'src', 'engine', 'config')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
}

interface ConfigProperty {
  type: string;
  default: unknown;
  scope?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  markdownDescription?: string;
}

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, ConfigProperty> } };
};
const properties = pkg.contributes.configuration.properties;

describe('package.json settings', () => {
  it('declares every bus key of the guide with its default, type and range, and no others', () => {
    const declared = Object.keys(properties).filter((key) => key.startsWith('eventbus.bus.')).map((key) => key.slice('eventbus.bus.'.length));
    assert.deepEqual([...declared].sort(), [...CONFIG_KEYS].sort());
    for (const key of CONFIG_KEYS) {
      const property = properties[`eventbus.bus.${key}`];
      const rule = CONFIG_RULES[key];
      assert.deepEqual(property.default, DEFAULT_CONFIG[key], `${key}: default`);
      assert.equal(property.scope, 'resource', `${key}: scope`);
      assert.ok(property.markdownDescription && property.markdownDescription.length > 10, `${key}: description`);
      if (rule.kind === 'boolean') assert.equal(property.type, 'boolean', key);
      else if (rule.kind === 'string') assert.deepEqual([property.type, property.minLength], ['string', 1], key);
      else {
        assert.equal(property.type, rule.integer ? 'integer' : 'number', `${key}: type`);
        if (rule.exclusiveMin) assert.equal(property.exclusiveMinimum, rule.min, `${key}: exclusiveMinimum`);
        else assert.equal(property.minimum, rule.min, `${key}: minimum`);
      }
    }
  });

  it('declares eventbus.projections.enabled off by default and restricted in untrusted workspaces', () => {
    const property = properties['eventbus.projections.enabled'];
    assert.deepEqual([property.type, property.default, property.scope], ['boolean', false, 'resource']);
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['eventbus.projections.enabled']);
  });
});

describe('resolveSettings: projections and bus keys', () => {
  it('defaults to projections off and no bus overrides', () => {
    const { settings, warnings } = resolveSettings({});
    assert.equal(settings.projectionsEnabled, false);
    assert.deepEqual(settings.bus, {});
    assert.deepEqual(warnings, []);
  });

  it('reads projectionsEnabled, or projections.enabled as VS Code nests it', () => {
    assert.equal(resolveSettings({ projectionsEnabled: true }).settings.projectionsEnabled, true);
    assert.equal(resolveSettings({ projections: { enabled: true } }).settings.projectionsEnabled, true);
    const bad = resolveSettings({ projectionsEnabled: 'yes' });
    assert.equal(bad.settings.projectionsEnabled, false);
    assert.match(bad.warnings[0], /eventbus\.projections\.enabled: expected true or false/);
  });

  it('keeps valid bus keys and logs bad ones without failing', () => {
    const { settings, warnings } = resolveSettings({ bus: { max_retry_count: 5, event_ttl_days: 0, max_retry: 1, compression_enabled: false } });
    assert.deepEqual(settings.bus, { max_retry_count: 5, compression_enabled: false });
    assert.equal(warnings.length, 2);
    assert.ok(warnings.some((w) => /eventbus\.bus\.event_ttl_days: expected an integer >= 1, got 0/.test(w)));
    assert.ok(warnings.some((w) => /eventbus\.bus\.max_retry: not a bus key/.test(w)));
    assert.match(resolveSettings({ bus: 3 }).warnings[0], /eventbus\.bus: expected an object/);
  });

  it('compares bus overrides', () => {
    assert.equal(sameBus({ max_retry_count: 1 }, { max_retry_count: 1 }), true);
    assert.equal(sameBus({ max_retry_count: 1 }, {}), false);
  });
});

describe('explicitBusSettings', () => {
  it('sends only keys the user set, the most specific scope first', () => {
    const set: Record<string, { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }> = {
      'bus.max_retry_count': { globalValue: 2, workspaceValue: 4 },
      'bus.event_ttl_days': { globalValue: 7, workspaceFolderValue: 3 },
      'bus.batch_size': {},
    };
    assert.deepEqual(explicitBusSettings((key) => set[key]), { max_retry_count: 4, event_ttl_days: 3 });
    assert.deepEqual(explicitBusSettings(() => undefined), {});
  });
});

describe('decideProjection', () => {
  const projections = [{ name: 'counter', file: 'projections/counter.js' }];

  it('offers the default reducer and each projection when trusted and enabled', () => {
    const decision = decideProjection({ trusted: true, enabled: true, projections });
    assert.equal(decision.kind, 'pick');
    if (decision.kind !== 'pick') return;
    assert.deepEqual(decision.items.map((i) => [i.label, i.projection]), [[DEFAULT_REDUCER_LABEL, undefined], ['counter', 'counter']]);
  });

  it('does not offer projections when untrusted, disabled, or when there are none', () => {
    assert.equal(decideProjection({ trusted: false, enabled: true, projections }).kind, 'default');
    assert.equal(decideProjection({ trusted: true, enabled: false, projections }).kind, 'default');
    assert.equal(decideProjection({ trusted: true, enabled: true, projections: [] }).kind, 'default');
  });

  it('says why a requested projection may not run, and runs it when allowed', () => {
    const untrusted = decideProjection({ trusted: false, enabled: true, projections, requested: 'counter' });
    assert.equal(untrusted.kind, 'refuse');
    if (untrusted.kind === 'refuse') {
      assert.match(untrusted.message, /needs a trusted workspace and eventbus\.projections\.enabled: projection code comes from the workspace/);
      assert.match(untrusted.message, /the workspace is not trusted/);
    }
    const off = decideProjection({ trusted: true, enabled: false, projections, requested: 'counter' });
    assert.ok(off.kind === 'refuse' && /eventbus\.projections\.enabled is off/.test(off.message));
    assert.deepEqual(decideProjection({ trusted: true, enabled: true, projections, requested: 'counter' }), { kind: 'use', projection: 'counter' });
  });
});

describe('Status view: bus rows', () => {
  const bus: BusStatusJson = {
    status: 'stopped',
    queue_size: 0,
    metrics: { events_published: 1234, events_processed: 1200, events_failed: 2, snapshots_created: 1 },
    subscribers_count: { trade_executed: 2, '*': 1 },
    persistence_enabled: true,
    snapshots_enabled: false,
    timestamp: '2024-01-15T12:00:00',
  };

  it('shows queue, metrics, subscribers and what the bus persists', () => {
    const byId = new Map(busRows(bus).map((r) => [r.id, r]));
    assert.equal(byId.get('busStatus')?.value, 'stopped');
    assert.equal(byId.get('busQueue')?.value, '0');
    assert.equal(byId.get('busMetrics')?.value, '1,234 published, 1,200 processed, 2 failed');
    assert.match(byId.get('busMetrics')?.tooltip ?? '', /snapshots_created: 1/);
    assert.equal(byId.get('busSubscribers')?.value, '3');
    assert.match(byId.get('busSubscribers')?.tooltip ?? '', /trade_executed: 2/);
    assert.equal(byId.get('busPersistence')?.value, 'on');
    assert.equal(byId.get('busSnapshots')?.value, 'off');
  });

  it('appears in the store rows only when the status has a bus', () => {
    const status: StoreStatus = {
      storeRoot: '/ws/event_store',
      folder: '/ws',
      state: 'ready',
      eventCount: 10,
      files: 1,
      problems: { error: 0, warning: 0, information: 0, hint: 0 },
      sequenceMode: 'global',
      lastRefresh: null,
    };
    assert.equal(statusRows(status, {}, 0).some((r) => r.id === 'busStatus'), false);
    const ids = statusRows({ ...status, bus }, {}, 0).map((r) => r.id);
    assert.ok(ids.includes('busQueue') && ids.indexOf('busStatus') < ids.indexOf('lastRefresh'));
  });
});
