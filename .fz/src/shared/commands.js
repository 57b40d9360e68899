"use strict";
/**
 * Command ids the server names in code actions and the extension registers.
 * Declared once here so that a rename cannot leave the two sides disagreeing;
 * the argument shapes travel as the command's single argument.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.RevealInAggregatesCommand = exports.ShowInTimelineCommand = exports.ReplayAggregateCommand = void 0;
/** Sent by the server in a code action; the extension opens replay for the aggregate up to (and including) `toSequence`. */
var ReplayAggregateCommand;
(function (ReplayAggregateCommand) {
    ReplayAggregateCommand.id = 'eventbus.replayAggregate';
})(ReplayAggregateCommand || (exports.ReplayAggregateCommand = ReplayAggregateCommand = {}));
/** Sent by the server in a code action; the extension reveals the event in the timeline view. */
var ShowInTimelineCommand;
(function (ShowInTimelineCommand) {
    ShowInTimelineCommand.id = 'eventbus.showInTimeline';
})(ShowInTimelineCommand || (exports.ShowInTimelineCommand = ShowInTimelineCommand = {}));
/** Selects an event's row in the Aggregates view (the timeline runs it when an event is clicked). */
var RevealInAggregatesCommand;
(function (RevealInAggregatesCommand) {
    RevealInAggregatesCommand.id = 'eventbus.revealInAggregates';
})(RevealInAggregatesCommand || (exports.RevealInAggregatesCommand = RevealInAggregatesCommand = {}));
//# sourceMappingURL=commands.js.map