"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const pathNames_1 = require("../../src/extension/views/model/pathNames");
(0, node_test_1.describe)('store labels in the views and the timeline', () => {
    (0, node_test_1.it)('name a folder’s usual store by the folder, and any other store of it with its path inside', () => {
        strict_1.default.equal((0, pathNames_1.storeLabel)('/ws/shop/event_store', '/ws/shop'), 'shop');
        strict_1.default.equal((0, pathNames_1.storeLabel)('/ws/shop/other_store', '/ws/shop'), 'shop · other_store');
        strict_1.default.equal((0, pathNames_1.storeLabel)('/ws/shop/data/stores/b/', '/ws/shop/'), 'shop · data/stores/b');
        strict_1.default.notEqual((0, pathNames_1.storeLabel)('/ws/shop/event_store', '/ws/shop'), (0, pathNames_1.storeLabel)('/ws/shop/archive', '/ws/shop'), 'two stores of one folder never look alike');
    });
    (0, node_test_1.it)('name a store outside every folder by its parent and its own name, on Windows paths too', () => {
        strict_1.default.equal((0, pathNames_1.storeLabel)('/mnt/backups/event_store', null), 'backups/event_store');
        strict_1.default.equal((0, pathNames_1.storeLabel)('C:\\work\\shop\\event_store', 'C:\\work\\shop'), 'shop');
        strict_1.default.equal((0, pathNames_1.storeLabel)('D:\\elsewhere\\store', 'C:\\work\\shop'), 'elsewhere/store');
        strict_1.default.equal((0, pathNames_1.storeLabel)('/store', undefined), 'store');
    });
});
//# sourceMappingURL=storeLabel.unit.spec.js.map