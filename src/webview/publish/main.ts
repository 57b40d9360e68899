import { isPublishDraft, isPublishHostMessage, PUBLISH_FIELDS, type PublishDraft, type PublishField, type PublishPageMessage, type Suggestion } from '../../shared/publishFormProtocol';
import { byId, el, replaceChildren } from '../shared/dom';
import { acquireTypedVsCodeApi } from '../shared/vscodeApi';

/**
 * The Publish Event form. Every keystroke is kept in the page's state (a
 * failed publish, a hidden tab or a reload loses nothing); after a pause
 * the draft goes to the host, whose answer (the server's check: the type
 * gate and the schema, nothing written) lists the problems under the data
 * and enables Publish only when there are none. Values from the store
 * (types, ids, problems) are set as text, never as markup.
 */
const CHECK_DEBOUNCE_MS = 250;
const SUGGEST_DEBOUNCE_MS = 150;

const vscode = acquireTypedVsCodeApi(isPublishDraft);
const post = (message: PublishPageMessage): void => vscode.postMessage(message);

const eventType = byId('eventType', HTMLInputElement);
const data = byId('data', HTMLTextAreaElement);
const inputs: Record<PublishField, HTMLInputElement> = {
  aggregateId: byId('aggregateId', HTMLInputElement),
  correlationId: byId('correlationId', HTMLInputElement),
  causationId: byId('causationId', HTMLInputElement),
  source: byId('source', HTMLInputElement),
};
const problems = byId('problems', HTMLUListElement);
const publishButton = byId('publish', HTMLButtonElement);
const templateButton = byId('template', HTMLButtonElement);
const outcome = byId('outcome', HTMLSpanElement);
const schemaHint = byId('schema', HTMLSpanElement);
const storeName = byId('store', HTMLSpanElement);
const typeList = byId('eventTypes', HTMLDataListElement);

let ticket = 0;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
const suggestTimers = new Map<PublishField, ReturnType<typeof setTimeout>>();
/** The data text the last template filled in: a type change replaces it, but never what the user wrote. */
let lastTemplate = '{}';
let publishing = false;

function draft(): PublishDraft {
  return {
    eventType: eventType.value,
    dataText: data.value,
    aggregateId: inputs.aggregateId.value,
    correlationId: inputs.correlationId.value,
    causationId: inputs.causationId.value,
    source: inputs.source.value,
  };
}

function fill(from: PublishDraft): void {
  eventType.value = from.eventType;
  data.value = from.dataText;
  for (const field of PUBLISH_FIELDS) inputs[field].value = from[field];
}

function changed(): void {
  vscode.setState(draft());
  // Until the new verdict arrives the old one no longer holds.
  publishButton.disabled = true;
  problems.dataset.state = 'checking';
  if (checkTimer) clearTimeout(checkTimer);
  checkTimer = setTimeout(() => {
    checkTimer = undefined;
    post({ type: 'check', ticket: ++ticket, draft: draft() });
  }, CHECK_DEBOUNCE_MS);
}

function showProblems(list: readonly string[], schemaVersion: string): void {
  replaceChildren(problems, list.map((text) => el('li', { text })));
  problems.dataset.state = list.length === 0 ? 'valid' : 'invalid';
  data.classList.toggle('invalid', list.length > 0);
  schemaHint.textContent = schemaVersion === '' ? '' : `schema version ${schemaVersion}`;
  if (list.length === 0) replaceChildren(problems, [el('li', { className: 'ok', text: 'Valid: ready to publish.' })]);
  publishButton.disabled = publishing || list.length > 0;
}

function showSuggestions(field: PublishField, values: readonly Suggestion[]): void {
  const list = byId(`${field}-list`, HTMLDataListElement);
  replaceChildren(
    list,
    values.map((s) => {
      const option = el('option', { attrs: { value: s.value } });
      option.label = s.detail;
      return option;
    }),
  );
}

eventType.addEventListener('input', changed);
eventType.addEventListener('change', () => {
  // A new type: its template replaces data the user has not touched since the last one.
  if (eventType.value !== '' && (data.value.trim() === '' || data.value === lastTemplate)) post({ type: 'template', eventType: eventType.value });
});
data.addEventListener('input', changed);
templateButton.addEventListener('click', () => {
  if (eventType.value !== '') post({ type: 'template', eventType: eventType.value });
});
for (const field of PUBLISH_FIELDS) {
  const input = inputs[field];
  const ask = () => {
    const previous = suggestTimers.get(field);
    if (previous) clearTimeout(previous);
    suggestTimers.set(field, setTimeout(() => post({ type: 'suggest', field, prefix: input.value, draft: draft() }), SUGGEST_DEBOUNCE_MS));
  };
  input.addEventListener('input', () => {
    changed();
    ask();
  });
  input.addEventListener('focus', ask);
}
publishButton.addEventListener('click', () => {
  if (publishButton.disabled) return;
  publishing = true;
  publishButton.disabled = true;
  outcome.textContent = 'Publishing…';
  outcome.className = 'outcome';
  post({ type: 'publish', draft: draft() });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isPublishHostMessage(message)) return;
  switch (message.type) {
    case 'init':
      storeName.textContent = message.storeName === '' ? '' : `in ${message.storeName}`;
      replaceChildren(typeList, message.types.map((t) => el('option', { attrs: { value: t } })));
      if (message.draft) {
        fill(message.draft);
        lastTemplate = message.draft.dataText;
        outcome.textContent = message.draft.eventType === '' ? '' : `Template from a stored ${message.draft.eventType} event: edit it, then publish a new event.`;
        outcome.className = 'outcome';
      }
      changed();
      break;
    case 'verdict':
      // Only the answer to the newest draft counts.
      if (message.ticket === ticket && !checkTimer) showProblems(message.verdict.problems, message.verdict.schemaVersion);
      break;
    case 'suggestions':
      if (inputs[message.field].value === message.prefix) showSuggestions(message.field, message.values);
      break;
    case 'template':
      if (message.eventType !== eventType.value) break;
      data.value = message.dataText;
      lastTemplate = message.dataText;
      schemaHint.textContent = message.schemaFile ? `from ${message.schemaFile}` : 'no schema: any JSON';
      changed();
      break;
    case 'published':
      publishing = false;
      outcome.textContent = message.message;
      outcome.className = 'outcome success';
      changed();
      break;
    case 'failed':
      publishing = false;
      outcome.textContent = message.message;
      outcome.className = 'outcome failure';
      changed();
      break;
  }
});

const restored = vscode.getState();
if (restored) fill(restored);
else fill({ eventType: '', dataText: '{}', aggregateId: '', correlationId: '', causationId: '', source: 'vscode' });
post({ type: 'ready' });
