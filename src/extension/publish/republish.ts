import * as vscode from 'vscode';
import { EventByIdRequest } from '../../shared/protocol';
import { ensureTrusted } from '../commands/trust';
import { editorErrorText } from '../errorText';
import { draftFromEvent, type SendRequest } from './draftRequests';
import type { PublishPanel } from './publishPanel';

export const REPUBLISH_COMMAND = 'eventbus.republishEvent';

/** An event row of the views (or anything carrying `{entry: {eventId}, store}`). */
function eventOf(value: unknown): { eventId: string; store: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as { entry?: { eventId?: unknown }; eventId?: unknown; store?: unknown };
  const eventId = typeof record.entry?.eventId === 'string' ? record.entry.eventId : typeof record.eventId === 'string' ? record.eventId : undefined;
  if (eventId === undefined || typeof record.store !== 'string' || record.store === '') return undefined;
  return { eventId, store: record.store };
}

/** "Republish as Template" on an event row: the publish form filled with that event's type, data and ids. */
export function registerRepublish(send: SendRequest, form: PublishPanel): vscode.Disposable {
  return vscode.commands.registerCommand(REPUBLISH_COMMAND, async (arg?: unknown) => {
    if (!ensureTrusted('Republish as Template')) return;
    const target = eventOf(arg);
    if (!target) {
      void vscode.window.showWarningMessage('Event Bus: Republish as Template works on an event row of the Event Bus views.');
      return;
    }
    try {
      const detail = await send(EventByIdRequest.type, target);
      if (!detail) {
        void vscode.window.showWarningMessage(`Event Bus: no event ${target.eventId} in the store any more.`);
        return;
      }
      form.open(target.store, draftFromEvent(detail.event));
    } catch (error) {
      void vscode.window.showErrorMessage(`Event Bus: Republish as Template failed: ${editorErrorText(error)}`);
    }
  });
}
