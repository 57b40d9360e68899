import * as vscode from 'vscode';
import type { LanguageClient, RequestType } from 'vscode-languageclient/node';
import type { ReadOnlyViews } from '../readOnlyViews';
import { type CommandArgs, commandArgsOf } from './commandArgs';
import type { CommandDeps, ExplorerLink } from './commandDeps';
import { PaletteCommand, type PaletteCommandId } from './commandIds';
import { reportFailure } from './progress';
import { publishEvent } from './publishCommand';
import { PublishPanel } from '../publish/publishPanel';
import { registerRepublish } from '../publish/republish';
import { ReplayDocuments } from '../replay/replayDocuments';
import { replayAggregate, replayCorrelation } from './replayCommands';
import { createSnapshot, rebuildAtSequence, restoreFromSnapshot, verifySnapshots } from './stateCommands';
import { cleanupExpired, migrateSchemas, refresh, validateStore } from './storeCommands';
import { registerTrustContext } from './trust';

type PaletteHandler = (deps: CommandDeps, args: CommandArgs) => Promise<void>;

/** The command table (rust-analyzer style): id → what it does, and what to call it when it fails. */
const COMMANDS: readonly { readonly id: PaletteCommandId; readonly what: string; readonly run: PaletteHandler }[] = [
  { id: PaletteCommand.replayAggregate, what: 'Replay Aggregate', run: replayAggregate },
  { id: PaletteCommand.replayCorrelation, what: 'Replay Correlation', run: replayCorrelation },
  { id: PaletteCommand.rebuildAtSequence, what: 'Rebuild State at Event', run: rebuildAtSequence },
  { id: PaletteCommand.createSnapshot, what: 'Create Snapshot', run: createSnapshot },
  { id: PaletteCommand.verifySnapshots, what: 'Verify Snapshots', run: verifySnapshots },
  { id: PaletteCommand.restoreFromSnapshot, what: 'Show State from Snapshot', run: restoreFromSnapshot },
  { id: PaletteCommand.publishEvent, what: 'Publish Event', run: publishEvent },
  { id: PaletteCommand.validateStore, what: 'Validate Store', run: validateStore },
  { id: PaletteCommand.cleanupExpired, what: 'Clean Up Expired Events', run: cleanupExpired },
  { id: PaletteCommand.migrateSchemas, what: 'Migrate Events to Newest Schema', run: migrateSchemas },
  { id: PaletteCommand.refresh, what: 'Refresh', run: refresh },
];

/**
 * Registers the "Event Bus" palette commands and the trust context key.
 * Every command asks the language server (the client parses nothing) and
 * turns a failure, including a server that is not running, into one error
 * message naming the command. A command run from a view may pass
 * `{ store?, aggregateId?, correlationId? }` to skip its pick.
 */
export function registerPaletteCommands(context: vscode.ExtensionContext, client: LanguageClient, views: ReadOnlyViews): ExplorerLink {
  registerTrustContext(context);
  // The generic RequestType overload, spelled out (TS cannot pick it for a generic P).
  const send = <P, R>(type: RequestType<P, R, void>, params: P) => client.sendRequest<P, R, void>(type, params as never);
  const publishForm = new PublishPanel(context.extensionUri, send);
  context.subscriptions.push(publishForm, registerRepublish(send, publishForm));
  const replays = new ReplayDocuments(views);
  context.subscriptions.push(replays);
  const explorer: ExplorerLink = {};
  const deps: CommandDeps = { client, views, publishForm, replays, explorer };
  for (const command of COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command.id, async (arg?: unknown) => {
        try {
          await command.run(deps, commandArgsOf(arg));
        } catch (error) {
          reportFailure(command.what, error);
        }
      }),
    );
  }
  return explorer;
}
