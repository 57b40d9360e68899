"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=rawEvent.js.map