import { DebugSession } from '@vscode/debugadapter';
import { EventBusDebugSession } from './eventBusDebugSession';

// `node dist/debugAdapter.js`: the adapter over stdio, for tests and any DAP client.
DebugSession.run(EventBusDebugSession);
