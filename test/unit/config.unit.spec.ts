import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_KEYS, DEFAULT_CONFIG } from '../../src/engine/config/busConfig';
import { ConfigError } from '../../src/engine/config/configError';
import { CONFIG_FILE_NAME, loadConfig, parseConfigText, resolveStoragePath } from '../../src/engine/config/loadConfig';
import { validateConfig } from '../../src/engine/config/validateConfig';
import { makeTempDir } from '../helpers/tempStore';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('config defaults', () => {
  it("are the guide's 15 keys and values", () => {
    assert.equal(CONFIG_KEYS.length, 15);
    assert.deepEqual(DEFAULT_CONFIG, {
      processing_interval: 1,
      max_history: 1000,
      enable_persistence: true,
      enable_snapshots: true,
      snapshot_frequency: 100,
      storage_path: 'event_store',
      max_retry_count: 3,
      batch_size: 100,
      event_ttl_days: 30,
      compression_enabled: true,
      schema_validation: true,
      audit_trail: true,
      correlation_tracking: true,
      metrics_enabled: true,
      health_check_interval: 60,
      // Not the guide's: what the project needs to agree with the store's writer, and its own vocabulary.
      fold: 'auto',
      event_types: [],
      statuses: [],
      time_order_tolerance_ms: 1000,
      max_nesting_depth: 1000,
    });
    assert.ok(Object.isFrozen(DEFAULT_CONFIG));
  });
});

describe('validateConfig', () => {
  it('fills defaults around given keys, flat or under "event_bus"', () => {
    const flat = validateConfig({ batch_size: 10, processing_interval: 0.5 });
    assert.equal(flat.batch_size, 10);
    assert.equal(flat.processing_interval, 0.5);
    assert.equal(flat.event_ttl_days, 30);
    const wrapped = validateConfig({ $schema: './x.json', event_bus: { compression_enabled: false } });
    assert.equal(wrapped.compression_enabled, false);
    assert.equal(wrapped.max_history, 1000);
  });

  it('names key, expected and got for wrong types and ranges, all at once', () => {
    const error = configError(() =>
      validateConfig({ batch_size: '100', event_ttl_days: 0, enable_snapshots: 'yes', processing_interval: -1, storage_path: '' }),
    );
    assert.equal(error.problems.length, 5);
    assert.deepEqual(error.message.split('\n'), [
      'configuration: "batch_size": expected an integer >= 1, got the string "100"',
      'configuration: "event_ttl_days": expected an integer >= 1, got the integer 0',
      'configuration: "enable_snapshots": expected true or false, got the string "yes"',
      'configuration: "processing_interval": expected a number > 0, got the integer -1',
      'configuration: "storage_path": expected a non-empty string, got the string ""',
    ]);
  });

  it('rejects unknown keys, suggesting the close one', () => {
    const error = configError(() => validateConfig({ batchSize: 5, max_retries: 2, colour: 'red', snapshot_frequncy: 3 }));
    const [camel, typo, unknown, misspelt] = error.message.split('\n');
    assert.match(misspelt, /did you mean "snapshot_frequency"\?/);
    assert.equal(camel, 'configuration: "batchSize": expected a known key (did you mean "batch_size"?), got unknown key "batchSize"');
    assert.match(typo, /^configuration: "max_retries": expected one of the known keys: .*max_retry_count/);
    assert.match(unknown, /"colour": expected one of the known keys: processing_interval, max_history, .*health_check_interval, got unknown key "colour"/);
  });

  it('rejects a non-object and stray top-level keys beside "event_bus"', () => {
    assert.match(configError(() => validateConfig([])).message, /expected an object of event bus settings, got an array/);
    const error = configError(() => validateConfig({ event_bus: {}, logging: {} }));
    assert.match(error.message, /"logging": expected only "event_bus" at the top level/);
    assert.match(configError(() => validateConfig({ event_bus: 3 })).message, /"event_bus": expected an object of event bus settings, got the integer 3/);
  });
});

describe('parseConfigText', () => {
  const name = '/ws/eventbus.config.json';

  it('gives each problem the line and column of its key', () => {
    const text = ['{', '  "event_bus": {', '    "batch_size": 100,', '    "max_retry_count": "3"', '  }', '}'].join('\n');
    const error = configError(() => parseConfigText(text, name));
    assert.equal(error.message, '/ws/eventbus.config.json:4:5: "max_retry_count": expected an integer >= 0, got the string "3"');
    assert.deepEqual(error.problems[0], {
      key: 'max_retry_count',
      expected: 'an integer >= 0',
      got: 'the string "3"',
      line: 4,
      column: 5,
    });
  });

  it('reports a JSON syntax error with its position; comments are tolerated', () => {
    const error = configError(() => parseConfigText('{\n  "batch_size": 10,\n}', name));
    assert.match(error.message, /^\/ws\/eventbus\.config\.json:3:1: expected valid JSON, got /);
    const config = parseConfigText('// tuned for the demo\n{ "batch_size": 7 /* small */ }', name);
    assert.equal(config.batch_size, 7);
  });
});

describe('loadConfig', () => {
  it('uses the defaults when there is no file, and reads the file when there is one', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      assert.deepEqual(await loadConfig(dir), { config: DEFAULT_CONFIG });
      fs.writeFileSync(path.join(dir, CONFIG_FILE_NAME), '{"event_bus": {"storage_path": "data/store", "event_ttl_days": 7}}');
      const loaded = await loadConfig(dir);
      assert.equal(loaded.file, path.join(dir, CONFIG_FILE_NAME));
      assert.equal(loaded.config.event_ttl_days, 7);
      assert.equal(resolveStoragePath(dir, loaded.config), path.join(dir, 'data', 'store'));
      fs.writeFileSync(path.join(dir, CONFIG_FILE_NAME), '{"event_ttl_days": 7.5}');
      await assert.rejects(loadConfig(dir), (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.message, `${path.join(dir, CONFIG_FILE_NAME)}:1:2: "event_ttl_days": expected an integer >= 1, got the number 7.5`);
        return true;
      });
    } finally {
      cleanup();
    }
  });
});
