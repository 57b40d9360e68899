"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=publishOptions.js.map