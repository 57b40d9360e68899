import { PROJECTION_REFUSED_MESSAGE } from '../../shared/protocol';

/** Where the rebuild command stands on projections before it asks anything. */
export interface ProjectionSituation {
  readonly trusted: boolean;
  /** The folder's `eventbus.projections.enabled` (as the server resolved it). */
  readonly enabled: boolean;
  /** The projections the store offers: name (module file name) and store-relative file. */
  readonly projections: readonly { readonly name: string; readonly file: string }[];
  /** A projection named by the caller (a command argument), if any. */
  readonly requested?: string;
}

export type ProjectionDecision =
  /** Fold through the default reducer without asking. */
  | { readonly kind: 'default' }
  /** Fold through this projection without asking. */
  | { readonly kind: 'use'; readonly projection: string }
  /** Ask: the default reducer first, then each projection. */
  | { readonly kind: 'pick'; readonly items: readonly ProjectionPickItem[] }
  /** A projection was asked for but may not run: say why. */
  | { readonly kind: 'refuse'; readonly message: string };

export interface ProjectionPickItem {
  readonly label: string;
  readonly description: string;
  /** undefined: the default reducer. */
  readonly projection: string | undefined;
}

export const DEFAULT_REDUCER_LABEL = 'Default reducer';

/**
 * Whether "Rebuild State at Event…" offers projections. They are code
 * from the workspace, so they are offered only in a trusted workspace with
 * the setting on; otherwise the command rebuilds with the default reducer,
 * and a projection asked for anyway is refused with the reason.
 */
export function decideProjection(situation: ProjectionSituation): ProjectionDecision {
  const allowed = situation.trusted && situation.enabled;
  if (situation.requested !== undefined) {
    if (!allowed) {
      const missing = [!situation.trusted ? 'the workspace is not trusted' : undefined, !situation.enabled ? 'eventbus.projections.enabled is off' : undefined]
        .filter((m): m is string => m !== undefined)
        .join(' and ');
      return { kind: 'refuse', message: `Projection "${situation.requested}" ${PROJECTION_REFUSED_MESSAGE} (${missing}).` };
    }
    return { kind: 'use', projection: situation.requested };
  }
  if (!allowed || situation.projections.length === 0) return { kind: 'default' };
  return {
    kind: 'pick',
    items: [
      { label: DEFAULT_REDUCER_LABEL, description: 'deep-merge of each event into the state', projection: undefined },
      ...situation.projections.map((p) => ({ label: p.name, description: p.file, projection: p.name })),
    ],
  };
}
