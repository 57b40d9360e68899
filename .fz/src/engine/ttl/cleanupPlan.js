"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=cleanupPlan.js.map