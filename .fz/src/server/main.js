"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The Event Bus Debugger language server: its own Node process, so indexing
 * and validating a large store never stalls the extension host. The
 * transport comes from the command line, as vscode-languageclient starts it:
 * `--stdio`, `--node-ipc` (TransportKind.ipc) or `--socket=N`.
 */
const node_1 = require("vscode-languageserver/node");
const registerStoreRequests_1 = require("./handlers/registerStoreRequests");
const writeRequests_1 = require("./handlers/writeRequests");
const languageFeatures_1 = require("./languageFeatures");
const serverContext_1 = require("./serverContext");
const connection = (0, node_1.createConnection)(node_1.ProposedFeatures.all);
const ctx = new serverContext_1.ServerContext(connection);
connection.onInitialize((params) => {
    const result = ctx.initialize(params);
    (0, languageFeatures_1.registerLanguageFeatures)(connection, ctx, result.capabilities);
    return result;
});
connection.onInitialized(() => {
    ctx.initialized().catch((error) => ctx.log(`cannot open the workspace's stores: ${error.message}`));
});
connection.onDidChangeConfiguration((params) => void ctx.onDidChangeConfiguration(params));
connection.onDidOpenTextDocument((params) => ctx.onDidOpen(params));
connection.onDidChangeTextDocument((params) => ctx.onDidChange(params));
connection.onDidCloseTextDocument((params) => ctx.onDidClose(params));
connection.onShutdown(() => ctx.shutdown());
(0, registerStoreRequests_1.registerStoreRequests)(connection, ctx);
(0, writeRequests_1.registerWriteRequests)(connection, ctx);
// A bug in one request must not take the whole server (and every diagnostic) down.
process.on('uncaughtException', (error) => ctx.log(`internal error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => ctx.log(`internal error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
connection.listen();
//# sourceMappingURL=main.js.map