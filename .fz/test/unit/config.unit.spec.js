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
const node_assert_1 = require("node:assert");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const busConfig_1 = require("../../src/engine/config/busConfig");
const configError_1 = require("../../src/engine/config/configError");
const loadConfig_1 = require("../../src/engine/config/loadConfig");
const validateConfig_1 = require("../../src/engine/config/validateConfig");
const tempStore_1 = require("../helpers/tempStore");
function configError(fn) {
    try {
        fn();
    }
    catch (error) {
        node_assert_1.strict.ok(error instanceof configError_1.ConfigError, String(error));
        return error;
    }
    node_assert_1.strict.fail('expected a ConfigError');
}
(0, node_test_1.describe)('config defaults', () => {
    (0, node_test_1.it)("are the guide's 15 keys and values", () => {
        node_assert_1.strict.equal(busConfig_1.CONFIG_KEYS.length, 15);
        node_assert_1.strict.deepEqual(busConfig_1.DEFAULT_CONFIG, {
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
        node_assert_1.strict.ok(Object.isFrozen(busConfig_1.DEFAULT_CONFIG));
    });
});
(0, node_test_1.describe)('validateConfig', () => {
    (0, node_test_1.it)('fills defaults around given keys, flat or under "event_bus"', () => {
        const flat = (0, validateConfig_1.validateConfig)({ batch_size: 10, processing_interval: 0.5 });
        node_assert_1.strict.equal(flat.batch_size, 10);
        node_assert_1.strict.equal(flat.processing_interval, 0.5);
        node_assert_1.strict.equal(flat.event_ttl_days, 30);
        const wrapped = (0, validateConfig_1.validateConfig)({ $schema: './x.json', event_bus: { compression_enabled: false } });
        node_assert_1.strict.equal(wrapped.compression_enabled, false);
        node_assert_1.strict.equal(wrapped.max_history, 1000);
    });
    (0, node_test_1.it)('names key, expected and got for wrong types and ranges, all at once', () => {
        const error = configError(() => (0, validateConfig_1.validateConfig)({ batch_size: '100', event_ttl_days: 0, enable_snapshots: 'yes', processing_interval: -1, storage_path: '' }));
        node_assert_1.strict.equal(error.problems.length, 5);
        node_assert_1.strict.deepEqual(error.message.split('\n'), [
            'configuration: "batch_size": expected an integer >= 1, got the string "100"',
            'configuration: "event_ttl_days": expected an integer >= 1, got the integer 0',
            'configuration: "enable_snapshots": expected true or false, got the string "yes"',
            'configuration: "processing_interval": expected a number > 0, got the integer -1',
            'configuration: "storage_path": expected a non-empty string, got the string ""',
        ]);
    });
    (0, node_test_1.it)('rejects unknown keys, suggesting the close one', () => {
        const error = configError(() => (0, validateConfig_1.validateConfig)({ batchSize: 5, max_retries: 2, colour: 'red', snapshot_frequncy: 3 }));
        const [camel, typo, unknown, misspelt] = error.message.split('\n');
        node_assert_1.strict.match(misspelt, /did you mean "snapshot_frequency"\?/);
        node_assert_1.strict.equal(camel, 'configuration: "batchSize": expected a known key (did you mean "batch_size"?), got unknown key "batchSize"');
        node_assert_1.strict.match(typo, /^configuration: "max_retries": expected one of the known keys: .*max_retry_count/);
        node_assert_1.strict.match(unknown, /"colour": expected one of the known keys: processing_interval, max_history, .*health_check_interval, got unknown key "colour"/);
    });
    (0, node_test_1.it)('rejects a non-object and stray top-level keys beside "event_bus"', () => {
        node_assert_1.strict.match(configError(() => (0, validateConfig_1.validateConfig)([])).message, /expected an object of event bus settings, got an array/);
        const error = configError(() => (0, validateConfig_1.validateConfig)({ event_bus: {}, logging: {} }));
        node_assert_1.strict.match(error.message, /"logging": expected only "event_bus" at the top level/);
        node_assert_1.strict.match(configError(() => (0, validateConfig_1.validateConfig)({ event_bus: 3 })).message, /"event_bus": expected an object of event bus settings, got the integer 3/);
    });
});
(0, node_test_1.describe)('parseConfigText', () => {
    const name = '/ws/eventbus.config.json';
    (0, node_test_1.it)('gives each problem the line and column of its key', () => {
        const text = ['{', '  "event_bus": {', '    "batch_size": 100,', '    "max_retry_count": "3"', '  }', '}'].join('\n');
        const error = configError(() => (0, loadConfig_1.parseConfigText)(text, name));
        node_assert_1.strict.equal(error.message, '/ws/eventbus.config.json:4:5: "max_retry_count": expected an integer >= 0, got the string "3"');
        node_assert_1.strict.deepEqual(error.problems[0], {
            key: 'max_retry_count',
            expected: 'an integer >= 0',
            got: 'the string "3"',
            line: 4,
            column: 5,
        });
    });
    (0, node_test_1.it)('reports a JSON syntax error with its position; comments are tolerated', () => {
        const error = configError(() => (0, loadConfig_1.parseConfigText)('{\n  "batch_size": 10,\n}', name));
        node_assert_1.strict.match(error.message, /^\/ws\/eventbus\.config\.json:3:1: expected valid JSON, got /);
        const config = (0, loadConfig_1.parseConfigText)('// tuned for the demo\n{ "batch_size": 7 /* small */ }', name);
        node_assert_1.strict.equal(config.batch_size, 7);
    });
});
(0, node_test_1.describe)('loadConfig', () => {
    (0, node_test_1.it)('uses the defaults when there is no file, and reads the file when there is one', async () => {
        const { dir, cleanup } = (0, tempStore_1.makeTempDir)();
        try {
            node_assert_1.strict.deepEqual(await (0, loadConfig_1.loadConfig)(dir), { config: busConfig_1.DEFAULT_CONFIG });
            fs.writeFileSync(path.join(dir, loadConfig_1.CONFIG_FILE_NAME), '{"event_bus": {"storage_path": "data/store", "event_ttl_days": 7}}');
            const loaded = await (0, loadConfig_1.loadConfig)(dir);
            node_assert_1.strict.equal(loaded.file, path.join(dir, loadConfig_1.CONFIG_FILE_NAME));
            node_assert_1.strict.equal(loaded.config.event_ttl_days, 7);
            node_assert_1.strict.equal((0, loadConfig_1.resolveStoragePath)(dir, loaded.config), path.join(dir, 'data', 'store'));
            fs.writeFileSync(path.join(dir, loadConfig_1.CONFIG_FILE_NAME), '{"event_ttl_days": 7.5}');
            await node_assert_1.strict.rejects((0, loadConfig_1.loadConfig)(dir), (error) => {
                node_assert_1.strict.ok(error instanceof configError_1.ConfigError);
                node_assert_1.strict.equal(error.message, `${path.join(dir, loadConfig_1.CONFIG_FILE_NAME)}:1:2: "event_ttl_days": expected an integer >= 1, got the number 7.5`);
                return true;
            });
        }
        finally {
            cleanup();
        }
    });
});
//# sourceMappingURL=config.unit.spec.js.map