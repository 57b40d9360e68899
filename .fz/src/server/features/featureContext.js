"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=featureContext.js.map