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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const codes_1 = require("../../src/engine/validate/codes");
// The editor links each diagnostic to README#ebNNN (codeDescription), so the
// table must list every code with the severity and name the rules use.
(0, node_test_1.test)('the README table of diagnostic codes matches the codes the rules report', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    for (const info of Object.values(codes_1.CODES)) {
        const row = readme.split('\n').find((line) => line.includes(`\`${info.code}\``));
        strict_1.default.ok(row, `README has no row for ${info.code}`);
        strict_1.default.ok(row.includes(`id="${info.code.toLowerCase()}"`), `${info.code} has no anchor`);
        strict_1.default.ok(row.includes(`| ${info.severity} |`), `${info.code} severity in README differs from ${info.severity}`);
        strict_1.default.ok(row.includes(`\`${info.name}\``), `${info.code} name in README differs from ${info.name}`);
    }
});
//# sourceMappingURL=readmeCodes.unit.spec.js.map