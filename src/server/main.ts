/**
 * The Event Bus Debugger language server: its own Node process, so indexing
 * and validating a large store never stalls the extension host. The
 * transport comes from the command line, as vscode-languageclient starts it:
 * `--stdio`, `--node-ipc` (TransportKind.ipc) or `--socket=N`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerStoreRequests } from './handlers/registerStoreRequests';
import { registerWriteRequests } from './handlers/writeRequests';
import { registerLanguageFeatures } from './languageFeatures';
import { ServerContext } from './serverContext';

const connection = createConnection(ProposedFeatures.all);
const ctx = new ServerContext(connection);

connection.onInitialize((params) => {
  const result = ctx.initialize(params);
  registerLanguageFeatures(connection, ctx, result.capabilities);
  return result;
});
connection.onInitialized(() => {
  ctx.initialized().catch((error: unknown) => ctx.log(`cannot open the workspace's stores: ${(error as Error).message}`));
});
connection.onDidChangeConfiguration((params) => void ctx.onDidChangeConfiguration(params));
connection.onDidOpenTextDocument((params) => ctx.onDidOpen(params));
connection.onDidChangeTextDocument((params) => ctx.onDidChange(params));
connection.onDidCloseTextDocument((params) => ctx.onDidClose(params));
connection.onShutdown(() => ctx.shutdown());
registerStoreRequests(connection, ctx);
registerWriteRequests(connection, ctx);

// A bug in one request must not take the whole server (and every diagnostic) down.
process.on('uncaughtException', (error) => ctx.log(`internal error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => ctx.log(`internal error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

connection.listen();
