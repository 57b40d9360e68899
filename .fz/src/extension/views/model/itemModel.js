"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=itemModel.js.map