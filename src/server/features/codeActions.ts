import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { ReplayAggregateCommand, ShowInTimelineCommand } from '../../shared/commands';
import { eventObjectOf } from './eventLineTokens';
import type { FeatureContext } from './featureContext';
import { duplicateIdFix, type FixTarget, missingFieldFixes, upcastFix } from './quickFixes';

export interface CodeActionInput {
  readonly uri: string;
  /** Text of a 0-based line of the document (undefined past its end). */
  lineText(line: number): string | undefined;
  /** The range the client asks about; its first line gets the command actions. */
  readonly range: Range;
  /** The diagnostics of the request's context (codes `EB0nn`, `data` as the rules set it). */
  readonly diagnostics: readonly Diagnostic[];
  /** The request's `context.only`: keep only actions of these kinds (or their sub-kinds). */
  readonly only?: readonly string[];
}

/**
 * Quick fixes for the request's diagnostics (EB012 upcast, EB009 missing
 * required property, EB013 duplicate id) and, for the event line under the
 * cursor, the "Replay aggregate to this event" and "Show in timeline"
 * commands that the extension provides.
 */
export function codeActions(ctx: FeatureContext, input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of input.diagnostics) {
    const line = diagnostic.range.start.line;
    const lineText = input.lineText(line);
    if (lineText === undefined) continue;
    const target: FixTarget = { ctx, uri: input.uri, line, lineText, diagnostic };
    switch (diagnostic.code) {
      case 'EB012':
        pushDefined(actions, upcastFix(target));
        break;
      case 'EB009':
        actions.push(...missingFieldFixes(target));
        break;
      case 'EB013':
        pushDefined(actions, duplicateIdFix(target));
        break;
      default:
        break;
    }
  }
  const cursorLine = input.lineText(input.range.start.line);
  if (cursorLine !== undefined) actions.push(...commandActions(cursorLine, ctx.storeRoot));
  return input.only ? actions.filter((a) => matchesOnly(a, input.only ?? [])) : actions;
}

function pushDefined(actions: CodeAction[], action: CodeAction | undefined): void {
  if (action) actions.push(action);
}

/** Commands about the event on the line (in the store at `store`); none for a line that is not an event. */
export function commandActions(lineText: string, store: string): CodeAction[] {
  const event = eventObjectOf(lineText);
  const meta = event?.metadata;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return [];
  const { event_id: eventId, aggregate_id: aggregateId, sequence_number: sequence } = meta as Record<string, unknown>;
  const actions: CodeAction[] = [];
  if (typeof aggregateId === 'string' && typeof sequence === 'number' && Number.isFinite(sequence)) {
    const args: ReplayAggregateCommand.Args = { store, aggregateId, toSequence: sequence };
    actions.push({
      title: 'Replay aggregate to this event',
      command: { title: 'Replay aggregate to this event', command: ReplayAggregateCommand.id, arguments: [args] },
    });
  }
  if (typeof eventId === 'string' && eventId.length > 0) {
    const args: ShowInTimelineCommand.Args = { store, eventId };
    actions.push({ title: 'Show in timeline', command: { title: 'Show in timeline', command: ShowInTimelineCommand.id, arguments: [args] } });
  }
  return actions;
}

/** LSP's `only` filter: `quickfix` admits `quickfix` and `quickfix.x`; the empty kind admits everything, the commands included. */
function matchesOnly(action: CodeAction, only: readonly string[]): boolean {
  if (only.includes('')) return true;
  const kind = action.kind;
  if (kind === undefined) return false;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}
