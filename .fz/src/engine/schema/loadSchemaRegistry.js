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
exports.loadSchemaRegistry = loadSchemaRegistry;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const layout_1 = require("../store/layout");
const jsonPosition_1 = require("./jsonPosition");
const migrationSpec_1 = require("./migrationSpec");
const schemaRegistry_1 = require("./schemaRegistry");
const SCHEMA_SUFFIX = '.schema.json';
const MIGRATION_SUFFIX = '.migration.json';
/**
 * Reads `<store>/schemas/<event_type>/<version>.schema.json` and
 * `<from>-to-<to>.migration.json`. A store without a schemas folder gives an
 * empty registry. A bad file is skipped and recorded in `registry.problems`
 * (so one typo does not stop validation of everything else), or thrown with
 * `strict`.
 */
async function loadSchemaRegistry(storeRoot, options = {}) {
    const registry = new schemaRegistry_1.SchemaRegistry();
    const schemasRoot = options.schemasDir ?? path.join(storeRoot, layout_1.SCHEMAS_DIR);
    const typeDirs = await readDirOrEmpty(schemasRoot);
    for (const typeDir of typeDirs.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (!typeDir.isDirectory())
            continue;
        const eventType = typeDir.name;
        registry.addType(eventType);
        const files = (await readDirOrEmpty(path.join(schemasRoot, eventType))).filter((f) => f.isFile()).map((f) => f.name).sort();
        for (const name of files) {
            const relative = `${layout_1.SCHEMAS_DIR}/${eventType}/${name}`;
            try {
                if (name.endsWith(SCHEMA_SUFFIX)) {
                    const version = name.slice(0, -SCHEMA_SUFFIX.length);
                    const text = await fs.promises.readFile(path.join(schemasRoot, eventType, name), 'utf8');
                    registry.addSchemaFile(eventType, version, parseJsonFile(text, relative), relative);
                }
                else if (name.endsWith(MIGRATION_SUFFIX)) {
                    const versions = (0, migrationSpec_1.parseMigrationFileName)(name);
                    if (!versions) {
                        throw new migrationSpec_1.SchemaFileError([
                            { file: relative, line: 1, column: 1, message: 'a migration file must be named <from>-to-<to>.migration.json' },
                        ]);
                    }
                    const text = await fs.promises.readFile(path.join(schemasRoot, eventType, name), 'utf8');
                    registry.addMigration((0, migrationSpec_1.parseMigration)(text, relative, eventType, versions.from, versions.to));
                }
            }
            catch (error) {
                const problems = problemsOf(error, relative);
                for (const problem of problems)
                    registry.addProblem(problem);
                if (name.endsWith(SCHEMA_SUFFIX)) {
                    // Fail closed: its type and version must not be taken as "no schema, anything goes".
                    registry.markBroken({ eventType, version: name.slice(0, -SCHEMA_SUFFIX.length), file: relative, reason: problems[0]?.message ?? 'unusable' });
                }
            }
        }
    }
    if (options.strict && registry.problems.length > 0)
        throw new migrationSpec_1.SchemaFileError(registry.problems);
    return registry;
}
function parseJsonFile(text, file) {
    try {
        return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    catch {
        const first = new jsonPosition_1.JsonFilePositions(text).syntaxErrors[0] ?? { line: 1, column: 1, message: 'invalid JSON' };
        throw new migrationSpec_1.SchemaFileError([{ file, line: first.line, column: first.column, message: `invalid JSON: ${first.message}` }]);
    }
}
function problemsOf(error, file) {
    if (error instanceof migrationSpec_1.SchemaFileError)
        return error.problems;
    return [{ file, line: 1, column: 1, message: `cannot read: ${error.message}` }];
}
async function readDirOrEmpty(dir) {
    try {
        return await fs.promises.readdir(dir, { withFileTypes: true });
    }
    catch (error) {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return [];
        throw error;
    }
}
//# sourceMappingURL=loadSchemaRegistry.js.map