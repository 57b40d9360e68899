import * as vscode from 'vscode';
import { requesterOf } from '../clientRequests';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReadOnlyViews } from '../readOnlyViews';
import { commandArgsOf, type StoreCommandArgs } from './commandArgs';
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
import { chooseStore, everyStore } from './storeChoice';
import { registerTrustContext } from './trust';

type PaletteHandler = (deps: CommandDeps, args: StoreCommandArgs) => Promise<void>;

/** Which store a command acts on when its argument names none: the one the user picks, or (Refresh) every one. */
type WithoutStore = 'pick' | 'every';

/** The command table (rust-analyzer style): id → what it does, and what to call it when it fails. */
const COMMANDS: readonly { readonly id: PaletteCommandId; readonly what: string; readonly run: PaletteHandler; readonly withoutStore?: WithoutStore }[] = [
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
  { id: PaletteCommand.refresh, what: 'Refresh', run: refresh, withoutStore: 'every' },
];

/**
 * Registers the "Event Bus" palette commands and the trust context key.
 * Every command asks the language server (the client parses nothing) and
 * turns a failure, including a server that is not running, into one error
 * message naming the command. A command run from a view may pass
 * `{ store?, aggregateId?, correlationId? }` to skip its pick; without a store the
 * user picks one (never "the first").
 */
export function registerPaletteCommands(context: vscode.ExtensionContext, client: LanguageClient, views: ReadOnlyViews): ExplorerLink {
  registerTrustContext(context);
  const send = requesterOf(client);
  const publishForm = new PublishPanel(context.extensionUri, send);
  context.subscriptions.push(publishForm, registerRepublish(send, publishForm));
  const replays = new ReplayDocuments(views);
  context.subscriptions.push(replays);
  const explorer: ExplorerLink = {};
  const deps: CommandDeps = { client, send, views, publishForm, replays, explorer };
  for (const command of COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command.id, async (arg?: unknown) => {
        try {
          const args = commandArgsOf(arg);
          const stores = args.store !== undefined ? [args.store] : command.withoutStore === 'every' ? await everyStore(send) : [await chooseStore(send, command.what)];
          for (const store of stores) if (store !== undefined) await command.run(deps, { ...args, store });
        } catch (error) {
          reportFailure(command.what, error);
        }
      }),
    );
  }
  return explorer;
}
