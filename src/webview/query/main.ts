import { isQueryHostMessage, type QueryPageMessage, type SavedQuery, statusLine } from '../../shared/queryViewProtocol';
import { acquireTypedVsCodeApi } from '../shared/vscodeApi';

/**
 * The query box: an input that searches as the user types (debounced), the
 * match count or the problem with a caret under its column, and the saved
 * queries of the workspace. Everything shown is set as text, never as HTML.
 */
const DEBOUNCE_MS = 300;

interface PageState {
  readonly text: string;
}

const isPageState = (value: unknown): value is PageState => typeof value === 'object' && value !== null && typeof (value as PageState).text === 'string';

const vscode = acquireTypedVsCodeApi(isPageState);
const input = document.getElementById('query') as HTMLTextAreaElement;
const status = document.getElementById('status') as HTMLDivElement;
const caret = document.getElementById('caret') as HTMLPreElement;
const saved = document.getElementById('saved') as HTMLSelectElement;
const saveButton = document.getElementById('save') as HTMLButtonElement;
const exportButton = document.getElementById('export') as HTMLButtonElement;
const clearButton = document.getElementById('clear') as HTMLButtonElement;

const post = (message: QueryPageMessage): void => vscode.postMessage(message);
let timer: ReturnType<typeof setTimeout> | undefined;
let sentText = '';

function send(now: boolean): void {
  if (timer) clearTimeout(timer);
  const fire = () => {
    timer = undefined;
    const text = input.value;
    vscode.setState({ text });
    if (text === sentText) return;
    sentText = text;
    post({ type: 'query', text });
  };
  if (now) fire();
  else timer = setTimeout(fire, DEBOUNCE_MS);
}

input.addEventListener('input', () => send(false));
input.addEventListener('keydown', (event) => {
  // Enter runs at once; Shift+Enter is a new line in a long query.
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    send(true);
  }
});
clearButton.addEventListener('click', () => {
  input.value = '';
  send(true);
  input.focus();
});
saveButton.addEventListener('click', () => post({ type: 'save', text: input.value }));
exportButton.addEventListener('click', () => post({ type: 'export' }));
saved.addEventListener('change', () => {
  if (saved.value === '') return;
  input.value = saved.value;
  saved.value = '';
  send(true);
});

function showSaved(queries: readonly SavedQuery[]): void {
  saved.replaceChildren();
  const first = document.createElement('option');
  first.value = '';
  first.textContent = queries.length > 0 ? 'Saved queries…' : 'No saved queries';
  saved.append(first);
  for (const query of queries) {
    const option = document.createElement('option');
    option.value = query.query;
    option.textContent = query.name;
    option.title = query.query;
    saved.append(option);
  }
  saved.disabled = queries.length === 0;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isQueryHostMessage(message)) return;
  switch (message.type) {
    case 'status':
      // An answer to an older text is stale: the newer one is on its way.
      if (message.text !== input.value && message.status.kind !== 'idle') return;
      status.textContent = statusLine(message.status);
      status.className = `status ${message.status.kind}`;
      status.dataset.kind = message.status.kind;
      if (message.status.kind === 'problem') {
        caret.textContent = `${message.text}\n${' '.repeat(Math.max(0, message.status.column - 1))}^`;
        caret.hidden = false;
      } else {
        caret.textContent = '';
        caret.hidden = true;
      }
      exportButton.disabled = message.status.kind !== 'matches';
      break;
    case 'saved':
      showSaved(message.queries);
      break;
    case 'setText':
      // Rewriting the same text would move the caret while the user types.
      if (input.value === message.text) break;
      input.value = message.text;
      sentText = message.text;
      vscode.setState({ text: message.text });
      break;
  }
});

status.textContent = statusLine({ kind: 'idle' });
const restored = vscode.getState();
if (restored && restored.text !== '') {
  input.value = restored.text;
}
post({ type: 'ready' });
if (input.value !== '') send(true);
