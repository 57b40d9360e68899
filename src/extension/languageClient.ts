import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ReplayAggregateCommand, ShowInTimelineCommand } from '../shared/commands';
import { EVENTBUS_SCHEME } from '../shared/uris';
import { PROJECTIONS_ENABLED_SETTING, SETTINGS_SECTION, type EventbusSettings } from '../shared/settings';
import { explicitBusSettings } from './settings/busSettings';

export const EVENT_LANGUAGE_ID = 'event-jsonl';

/** Commands the server may put in code actions: those this extension registers (see extension.ts). */
const CLIENT_COMMANDS: readonly string[] = [ReplayAggregateCommand.id, ShowInTimelineCommand.id];

/**
 * The client half of the language server: the server (dist/server.js, its
 * own Node process over IPC) hosts the engine and does all the work; this
 * only starts it and forwards documents and settings.
 */
export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: EVENT_LANGUAGE_ID },
      { scheme: EVENTBUS_SCHEME, language: EVENT_LANGUAGE_ID },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: { settings: currentSettings(), clientCommands: CLIENT_COMMANDS },
    outputChannel: log,
    middleware: {
      workspace: {
        // The server pulls each folder's settings: answer with the shape it expects (bus keys only when set) rather than the raw section.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, i) => {
            const item = params.items[i];
            if (item?.section !== SETTINGS_SECTION) return value;
            return currentSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : null);
          });
        },
      },
    },
  };
  return new LanguageClient('eventbus', 'Event Bus', serverOptions, clientOptions);
}

/**
 * The settings for `scope` (a folder or file), or the window-wide ones when
 * `null`: the server pulls each folder's own settings itself.
 */
export function currentSettings(scope: vscode.ConfigurationScope | null = null): EventbusSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    storePath: config.get<string>('storePath') || undefined,
    eventFileGlob: config.get<string>('eventFileGlob') || undefined,
    schemasPath: config.get<string>('schemasPath') || undefined,
    sequenceMode: config.get<EventbusSettings['sequenceMode']>('sequenceMode'),
    severity: config.get<Record<string, NonNullable<EventbusSettings['severity']>[string]>>('severity'),
    maxProblemsPerFile: config.get<number>('maxProblemsPerFile'),
    projectionsEnabled: config.get<boolean>(PROJECTIONS_ENABLED_SETTING) === true,
    bus: explicitBusSettings((key) => config.inspect(key)),
  };
}
