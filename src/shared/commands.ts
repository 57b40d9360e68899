/**
 * Command ids the server names in code actions and the extension registers.
 * Declared once here so that a rename cannot leave the two sides disagreeing;
 * the argument shapes travel as the command's single argument.
 */

/** Sent by the server in a code action; the extension opens replay for the aggregate up to (and including) `toSequence`. */
export namespace ReplayAggregateCommand {
  export const id = 'eventbus.replayAggregate';
  export interface Args {
    readonly aggregateId: string;
    readonly toSequence: number;
  }
}

/** Sent by the server in a code action; the extension reveals the event in the timeline view. */
export namespace ShowInTimelineCommand {
  export const id = 'eventbus.showInTimeline';
  export interface Args {
    readonly eventId: string;
  }
}

/** Selects an event's row in the Aggregates view (the timeline runs it when an event is clicked). */
export namespace RevealInAggregatesCommand {
  export const id = 'eventbus.revealInAggregates';
  export interface Args {
    readonly eventId: string;
    readonly store?: string;
  }
}
