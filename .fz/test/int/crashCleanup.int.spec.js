"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const crashOperationSuite_1 = require("../helpers/crashOperationSuite");
const crashScenarios_1 = require("../helpers/crashScenarios");
(0, crashOperationSuite_1.describeOperationCrashes)('TTL cleanup (executeCleanup)', crashScenarios_1.cleanupScenarios);
//# sourceMappingURL=crashCleanup.int.spec.js.map