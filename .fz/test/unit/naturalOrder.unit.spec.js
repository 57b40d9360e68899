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
const naturalOrder_1 = require("../../src/engine/model/naturalOrder");
const handlerStore_1 = require("../../src/server/handlers/handlerStore");
(0, node_test_1.describe)('natural order of ids', () => {
    (0, node_test_1.it)('counts digit runs as numbers: trader_2 before trader_10 before trader_100', () => {
        const ids = ['trader_10', 'trader_1', 'trader_100', 'trader_2', 'risk_9', 'trader_02', 'v1.10', 'v1.9', 'trader_', 'a'];
        assert.deepEqual([...ids].sort(naturalOrder_1.naturalCompare), ['a', 'risk_9', 'trader_', 'trader_1', 'trader_2', 'trader_02', 'trader_10', 'trader_100', 'v1.9', 'v1.10']);
    });
    (0, node_test_1.it)('is a total order that agrees with equality, whatever the digits (a sort relies on it)', () => {
        const samples = ['', '0', '00', '1', '01', '10', 'a0', 'a00', 'a1', 'a01b', 'a1b', 'a1c', 'b', '99999999999999999999', '100000000000000000000'];
        for (const a of samples) {
            assert.equal((0, naturalOrder_1.naturalCompare)(a, a), 0);
            for (const b of samples) {
                assert.equal(Math.sign((0, naturalOrder_1.naturalCompare)(a, b)) + Math.sign((0, naturalOrder_1.naturalCompare)(b, a)), 0, `${a} vs ${b}`);
                if (a !== b)
                    assert.notEqual((0, naturalOrder_1.naturalCompare)(a, b), 0, `${a} and ${b} are different ids`);
            }
        }
        assert.ok((0, naturalOrder_1.naturalCompare)('99999999999999999999', '100000000000000000000') < 0, 'numbers past 2^53 compare by their digits');
    });
    (0, node_test_1.it)('the views\' grouping lists ids in natural order, with or without a prefix', () => {
        const ids = ['trader_10', 'trader_2', 'risk_1', 'trader_1'];
        assert.deepEqual((0, handlerStore_1.sortedWithPrefix)(ids, undefined), ['risk_1', 'trader_1', 'trader_2', 'trader_10']);
        assert.deepEqual((0, handlerStore_1.sortedWithPrefix)(ids, 'trader_'), ['trader_1', 'trader_2', 'trader_10']);
        assert.deepEqual(ids, ['trader_10', 'trader_2', 'risk_1', 'trader_1'], 'the index\'s list is left as it was');
    });
});
//# sourceMappingURL=naturalOrder.unit.spec.js.map