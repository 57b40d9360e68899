import { isInspectorSavedState } from '../../shared/webviewProtocol';
import { createHostConnection } from '../shared/hostConnection';
import { acquireTypedVsCodeApi } from '../shared/vscodeApi';
import { InspectorPage } from './inspectorPage';
import { diffStates } from './stateDiff';

/** The inspector page's entry (bundled to media/inspector.js): wire the page, then tell the host it may post. */
function start(): void {
  const api = acquireTypedVsCodeApi(isInspectorSavedState);
  const connection = createHostConnection({ post: (message) => api.postMessage(message), timeoutMs: 60_000 });
  const root = document.getElementById('inspector');
  if (!root) throw new Error('the inspector page has no element with id "inspector"');
  new InspectorPage({ connection, api, root, diff: diffStates });
  window.addEventListener('message', (event: MessageEvent<unknown>) => connection.receive(event.data));
  connection.ready();
}

start();
