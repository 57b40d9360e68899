"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=requester.js.map