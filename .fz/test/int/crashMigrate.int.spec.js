"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const crashOperationSuite_1 = require("../helpers/crashOperationSuite");
const crashScenarios_1 = require("../helpers/crashScenarios");
(0, crashOperationSuite_1.describeOperationCrashes)('schema migration (executeMigration)', crashScenarios_1.migrateScenarios);
//# sourceMappingURL=crashMigrate.int.spec.js.map