"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLAY_LIMIT = void 0;
/** Most events a replay document shows (the server says when there were more). */
exports.REPLAY_LIMIT = 10_000;
//# sourceMappingURL=commandDeps.js.map