"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SYSTEM_AGGREGATE = void 0;
/** The aggregate id of the bus-wide snapshot (`snapshot_system_100.json`). */
exports.SYSTEM_AGGREGATE = 'system';
//# sourceMappingURL=snapshotTypes.js.map