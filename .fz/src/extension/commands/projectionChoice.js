"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_REDUCER_LABEL = void 0;
exports.decideProjection = decideProjection;
const protocol_1 = require("../../shared/protocol");
exports.DEFAULT_REDUCER_LABEL = 'Default reducer';
/**
 * Whether "Rebuild State at Event…" offers projections. They are code
 * from the workspace, so they are offered only in a trusted workspace with
 * the setting on; otherwise the command rebuilds with the default reducer,
 * and a projection asked for anyway is refused with the reason.
 */
function decideProjection(situation) {
    const allowed = situation.trusted && situation.enabled;
    if (situation.requested !== undefined) {
        if (!allowed) {
            const missing = [!situation.trusted ? 'the workspace is not trusted' : undefined, !situation.enabled ? 'eventbus.projections.enabled is off' : undefined]
                .filter((m) => m !== undefined)
                .join(' and ');
            return { kind: 'refuse', message: `Projection "${situation.requested}" ${protocol_1.PROJECTION_REFUSED_MESSAGE} (${missing}).` };
        }
        return { kind: 'use', projection: situation.requested };
    }
    if (!allowed || situation.projections.length === 0)
        return { kind: 'default' };
    return {
        kind: 'pick',
        items: [
            { label: exports.DEFAULT_REDUCER_LABEL, description: 'deep-merge of each event into the state', projection: undefined },
            ...situation.projections.map((p) => ({ label: p.name, description: p.file, projection: p.name })),
        ],
    };
}
//# sourceMappingURL=projectionChoice.js.map