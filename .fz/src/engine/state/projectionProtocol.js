"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=projectionProtocol.js.map