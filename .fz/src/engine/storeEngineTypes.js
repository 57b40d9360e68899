"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=storeEngineTypes.js.map