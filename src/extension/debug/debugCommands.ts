import * as vscode from 'vscode';
import type { EventNode, GroupNode } from '../views/model/nodes';
import { DebugAggregateFromCommand } from '../../shared/commands';
import { DEBUG_TYPE } from './debugAdapterFactory';

/** Command ids of the tree rows' "Debug This Aggregate" and "Debug from Here". */
export const DEBUG_AGGREGATE_COMMAND = 'eventbus.debugAggregate';
export const DEBUG_FROM_HERE_COMMAND = 'eventbus.debugFromHere';

function isAggregateRow(value: unknown): value is GroupNode {
  return typeof value === 'object' && value !== null && (value as GroupNode).kind === 'group' && (value as GroupNode).groupBy === 'aggregate';
}

function isEventRow(value: unknown): value is EventNode {
  return typeof value === 'object' && value !== null && (value as EventNode).kind === 'event';
}

/**
 * "Debug This Aggregate" on an aggregate row and "Debug from Here" on an
 * event row: start a replay session in VS Code's debugger, the first
 * stopped on the aggregate's first event, the second on that event.
 */
export function registerDebugCommands(): vscode.Disposable[] {
  const start = async (name: string, config: Record<string, unknown> & { store: string }) => {
    // The folder that holds the row's store (a store outside every folder: no folder).
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(config.store));
    const started = await vscode.debug.startDebugging(folder, { type: DEBUG_TYPE, request: 'launch', name, stopOnEntry: true, ...config });
    if (!started) void vscode.window.showErrorMessage(`Event Bus: could not start "${name}" (see the Debug Console).`);
  };
  return [
    vscode.commands.registerCommand(DEBUG_AGGREGATE_COMMAND, async (node?: unknown) => {
      if (!isAggregateRow(node)) return void vscode.window.showWarningMessage('Event Bus: Debug This Aggregate works on an aggregate row of the Aggregates view.');
      const store = node.store;
      // Stop on entry only without breakpoints: with some, the session runs to the first one, as a program would.
      const hasBreakpoints = vscode.debug.breakpoints.some((bp) => bp.enabled);
      await start(`Debug ${node.summary.key}`, { store, aggregateId: node.summary.key, stopOnEntry: !hasBreakpoints });
    }),
    vscode.commands.registerCommand(DebugAggregateFromCommand.id, async (args?: DebugAggregateFromCommand.Args) => {
      if (!args || typeof args.store !== 'string' || typeof args.aggregateId !== 'string' || !Number.isSafeInteger(args.fromSequence)) {
        return void vscode.window.showWarningMessage('Event Bus: Debug from Here needs a store, an aggregate and a sequence number.');
      }
      await start(`Debug ${args.aggregateId} from #${args.fromSequence}`, { store: args.store, aggregateId: args.aggregateId, fromSequence: args.fromSequence });
    }),
    vscode.commands.registerCommand(DEBUG_FROM_HERE_COMMAND, async (node?: unknown) => {
      if (!isEventRow(node)) return void vscode.window.showWarningMessage('Event Bus: Debug from Here works on an event row of the Event Bus views.');
      const store = node.store;
      const entry = node.entry;
      const scope =
        node.aggregateId !== undefined && node.toSequence !== undefined
          ? { aggregateId: node.aggregateId, fromSequence: node.toSequence }
          : entry.correlationId
            ? { correlationId: entry.correlationId }
            : entry.timestamp
              ? { since: entry.timestamp }
              : {};
      await start(`Debug from ${entry.type} ${entry.sequence ?? ''}`.trim(), { store, ...scope });
    }),
  ];
}
