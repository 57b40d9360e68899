"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEVERITIES = void 0;
/** Most severe first: the order reports and exit codes care about. */
exports.SEVERITIES = Object.freeze(['error', 'warning', 'information', 'hint']);
//# sourceMappingURL=severity.js.map