/**
 * Command ids that cross a boundary (the server names them in code actions,
 * a webview or a tree row passes their argument, another feature of the
 * extension runs them), declared once here with the shape of their single
 * argument, so a rename cannot leave two sides disagreeing. Every argument
 * names its store (the absolute store root): in a multi-root workspace
 * "no store" has no right answer.
 */

/** Sent by the server in a code action; the extension opens replay for the aggregate up to (and including) `toSequence`. */
export namespace ReplayAggregateCommand {
  export const id = 'eventbus.replayAggregate';
  export interface Args {
    readonly store: string;
    readonly aggregateId: string;
    readonly toSequence: number;
  }
}

/** Sent by the server in a code action; the extension reveals the event in the timeline view. */
export namespace ShowInTimelineCommand {
  export const id = 'eventbus.showInTimeline';
  export interface Args {
    readonly store: string;
    readonly eventId: string;
  }
}

/** Selects an event's row in the Aggregates view (the timeline runs it when an event is clicked). */
export namespace RevealInAggregatesCommand {
  export const id = 'eventbus.revealInAggregates';
  export interface Args {
    readonly store: string;
    readonly eventId: string;
  }
}

/** Opens the time-travel inspector on an aggregate (tree rows, the timeline, replay documents, the query view run it). */
export namespace OpenInspectorCommand {
  export const id = 'eventbus.openInspector';
  export interface Args {
    readonly store: string;
    readonly aggregateId: string;
    /** Select this sequence once the steps are there. */
    readonly atSequence?: number;
  }
}

/** Starts a replay debug session of one aggregate from a sequence number (the inspector's "Debug from Here" runs it). */
export namespace DebugAggregateFromCommand {
  export const id = 'eventbus.debugAggregateFrom';
  export interface Args {
    readonly store: string;
    readonly aggregateId: string;
    readonly fromSequence: number;
  }
}

/** Opens one stored event as a read-only JSON document (tree rows, the timeline, replay documents run it). */
export namespace OpenEventCommand {
  export const id = 'eventbus.openEvent';
  export interface Args {
    readonly store: string;
    readonly eventId: string;
    /** The tab's title, `type #seq (aggregate)`. */
    readonly title?: string;
    /** Open beside the active editor (the timeline keeps itself in view). */
    readonly beside?: boolean;
  }
}

/** The store a command argument names, or undefined: a caller that names none is refused, never given "the first store". */
export function storeOfArgument(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const store = (value as Record<string, unknown>).store;
  return typeof store === 'string' && store !== '' ? store : undefined;
}
