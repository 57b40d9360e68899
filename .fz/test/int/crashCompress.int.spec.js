"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const crashOperationSuite_1 = require("../helpers/crashOperationSuite");
const crashScenarios_1 = require("../helpers/crashScenarios");
(0, crashOperationSuite_1.describeOperationCrashes)('gzip rotation (compressDayFile)', crashScenarios_1.compressScenarios);
//# sourceMappingURL=crashCompress.int.spec.js.map