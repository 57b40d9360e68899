"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.systemClock = void 0;
exports.systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
//# sourceMappingURL=busClock.js.map