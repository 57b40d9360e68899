"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=stateTypes.js.map