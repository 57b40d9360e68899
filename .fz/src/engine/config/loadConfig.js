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
exports.CONFIG_FILE_NAME = void 0;
exports.loadConfig = loadConfig;
exports.parseConfigText = parseConfigText;
exports.resolveStoragePath = resolveStoragePath;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const jsonc_parser_1 = require("jsonc-parser");
const jsonPosition_1 = require("../schema/jsonPosition");
const busConfig_1 = require("./busConfig");
const configError_1 = require("./configError");
const validateConfig_1 = require("./validateConfig");
exports.CONFIG_FILE_NAME = 'eventbus.config.json';
/**
 * Reads `eventbus.config.json` at the workspace root, if there is one. The
 * file is JSON; comments are tolerated since people annotate settings, but
 * trailing commas are not. A missing file means the guide's defaults; an
 * unreadable or invalid one throws a ConfigError naming file, line and key.
 */
async function loadConfig(workspaceRoot) {
    const file = path.join(workspaceRoot, exports.CONFIG_FILE_NAME);
    let text;
    try {
        text = await fs.promises.readFile(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return { config: busConfig_1.DEFAULT_CONFIG };
        throw new configError_1.ConfigError(file, [{ expected: 'a readable file', got: `${code ?? 'an error'}: ${error.message}` }]);
    }
    return { config: parseConfigText(text, file), file };
}
/** The configuration in a file's text; `name` is how errors name the file. */
function parseConfigText(text, name) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const errors = [];
    const value = (0, jsonc_parser_1.parse)(body, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0) {
        const first = new jsonPosition_1.JsonFilePositions(body).syntaxErrors[0] ?? { line: 1, column: 1, message: 'invalid JSON' };
        throw new configError_1.ConfigError(name, [{ expected: 'valid JSON', got: first.message, line: first.line, column: first.column }]);
    }
    const forbidden = forbiddenKeys(body);
    if (forbidden.length > 0)
        throw new configError_1.ConfigError(name, forbidden);
    return (0, validateConfig_1.validateConfig)(value, { name, text: body });
}
/**
 * `__proto__`, `constructor` and `prototype` keys, anywhere: the parser
 * assigns properties, so `"__proto__": {...}` would silently become the
 * settings object's prototype (its keys then read as settings, unchecked).
 */
function forbiddenKeys(body) {
    const problems = [];
    (0, jsonc_parser_1.visit)(body, {
        onObjectProperty(property, _offset, _length, startLine, startCharacter) {
            if (FORBIDDEN_KEYS.has(property)) {
                problems.push({ key: property, expected: 'a settings key', got: `"${property}", which is never allowed (it could change how objects behave)`, line: startLine + 1, column: startCharacter + 1 });
            }
        },
    });
    return problems;
}
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Where the store is: `storage_path` against the workspace root. */
function resolveStoragePath(workspaceRoot, config) {
    return path.resolve(workspaceRoot, config.storage_path);
}
//# sourceMappingURL=loadConfig.js.map