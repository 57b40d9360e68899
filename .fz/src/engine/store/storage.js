"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=storage.js.map