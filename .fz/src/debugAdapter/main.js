"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const debugadapter_1 = require("@vscode/debugadapter");
const eventBusDebugSession_1 = require("./eventBusDebugSession");
// `node dist/debugAdapter.js`: the adapter over stdio, for tests and any DAP client.
debugadapter_1.DebugSession.run(eventBusDebugSession_1.EventBusDebugSession);
//# sourceMappingURL=main.js.map