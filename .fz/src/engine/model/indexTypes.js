"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=indexTypes.js.map