"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLI_JS = exports.SERVER_JS = void 0;
exports.repoRoot = repoRoot;
exports.startServer = startServer;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_1 = require("vscode-jsonrpc/node");
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const protocol_1 = require("../../src/shared/protocol");
const uris_1 = require("../../src/shared/uris");
/** The repository root: where package.json names this project (tests run from out/ or from a scratch folder). */
function repoRoot() {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const pkg = path.join(dir, 'package.json');
        if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'dist', 'server.js')))
            return dir;
    }
    return process.cwd();
}
exports.SERVER_JS = path.join(repoRoot(), 'dist', 'server.js');
exports.CLI_JS = path.join(repoRoot(), 'dist', 'cli.js');
/** Spawns the built server with `--stdio`, initializes it for one workspace folder and returns a client. */
async function startServer(options) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [...(process.env.EVENTBUS_SERVER_NODE_ARGS ? process.env.EVENTBUS_SERVER_NODE_ARGS.split(' ') : []), exports.SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk.toString('utf8')));
    const connection = (0, vscode_languageserver_protocol_1.createProtocolConnection)(new node_1.StreamMessageReader(child.stdout), new node_1.StreamMessageWriter(child.stdin));
    const diagnostics = new Map();
    const publishes = [];
    const storeChanged = [];
    const logs = [];
    const listeners = new Set();
    const poke = () => listeners.forEach((listener) => listener());
    connection.onNotification(vscode_languageserver_protocol_1.PublishDiagnosticsNotification.type, (params) => {
        diagnostics.set(params.uri, params.diagnostics);
        publishes.push(params);
        poke();
    });
    connection.onNotification(protocol_1.StoreChangedNotification.type, (params) => {
        storeChanged.push(params);
        poke();
    });
    connection.onNotification('window/logMessage', (params) => {
        logs.push(params.message);
    });
    connection.listen();
    const waitFor = (check, timeoutMs, what) => new Promise((resolve, reject) => {
        const attempt = () => {
            const value = check();
            if (value === undefined)
                return false;
            listeners.delete(attempt);
            clearTimeout(timer);
            resolve(value);
            return true;
        };
        const timer = setTimeout(() => {
            listeners.delete(attempt);
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}\nserver log:\n${logs.join('\n')}\n${stderr}`));
        }, timeoutMs);
        if (!attempt())
            listeners.add(attempt);
    });
    const initializeResult = await connection.sendRequest(vscode_languageserver_protocol_1.InitializeRequest.type, {
        processId: process.pid,
        rootUri: (0, uris_1.fileUriOf)(options.folder),
        workspaceFolders: [{ uri: (0, uris_1.fileUriOf)(options.folder), name: path.basename(options.folder) }],
        capabilities: {},
        initializationOptions: { settings: options.settings ?? {}, clientCommands: options.clientCommands ?? [] },
    });
    await connection.sendNotification(vscode_languageserver_protocol_1.InitializedNotification.type, {});
    const versions = new Map();
    return {
        connection,
        process: child,
        initializeResult,
        diagnostics,
        publishes,
        storeChanged,
        logs,
        waitForDiagnostics(uri, accept = () => true, timeoutMs = 20_000) {
            return waitFor(() => {
                const current = diagnostics.get(uri);
                return current !== undefined && accept(current) ? current : undefined;
            }, timeoutMs, () => `diagnostics of ${uri} (last: ${JSON.stringify(diagnostics.get(uri)?.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`))})`);
        },
        waitForVersion(uri, version, accept = () => true, timeoutMs = 20_000) {
            return waitFor(() => publishes.find((p) => p.uri === uri && p.version === version && accept(p.diagnostics))?.diagnostics, timeoutMs, () => `diagnostics of ${uri} at version ${version} (publishes: ${JSON.stringify(publishes.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)]))})`);
        },
        waitForStoreChanged(accept, timeoutMs = 20_000) {
            return waitFor(() => storeChanged.find(accept), timeoutMs, () => `storeChanged (seen: ${JSON.stringify(storeChanged)})`);
        },
        open(uri, text, languageId = 'event-jsonl') {
            versions.set(uri, 1);
            void connection.sendNotification(vscode_languageserver_protocol_1.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
        },
        change(uri, version, changes) {
            void connection.sendNotification(vscode_languageserver_protocol_1.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
        },
        close(uri) {
            void connection.sendNotification(vscode_languageserver_protocol_1.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        },
        configure(settings) {
            void connection.sendNotification(vscode_languageserver_protocol_1.DidChangeConfigurationNotification.type, { settings: { eventbus: settings } });
        },
        async stop() {
            try {
                await Promise.race([connection.sendRequest(vscode_languageserver_protocol_1.ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 3000))]);
                await connection.sendNotification(vscode_languageserver_protocol_1.ExitNotification.type);
            }
            catch {
                // Already gone.
            }
            connection.dispose();
            await new Promise((resolve) => {
                if (child.exitCode !== null || child.signalCode !== null)
                    return resolve();
                const timer = setTimeout(() => {
                    child.kill();
                    resolve();
                }, 2000);
                child.once('exit', () => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        },
    };
}
//# sourceMappingURL=lspClient.js.map