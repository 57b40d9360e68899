"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const crashOperationSuite_1 = require("../helpers/crashOperationSuite");
const crashScenarios_1 = require("../helpers/crashScenarios");
(0, crashOperationSuite_1.describeOperationCrashes)('snapshot creation (createSnapshot)', crashScenarios_1.snapshotScenarios);
//# sourceMappingURL=crashSnapshot.int.spec.js.map