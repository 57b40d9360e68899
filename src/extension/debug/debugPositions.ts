import * as vscode from 'vscode';
import { DEBUG_POSITION_EVENT, isDebugPosition, type DebugPosition } from '../../shared/debugPosition';
import type { DebugMarkerParams } from '../../shared/timelineProtocol';
import { DEBUG_TYPE } from './debugAdapterFactory';

/**
 * Where the active `eventbus` debug session stands, from the position event
 * its adapter sends after every stop: fired with the new position, and with
 * undefined when the active session has none (it ended, or the active
 * session is another debugger's). The timeline and the inspector follow it.
 */
export function watchDebugPositions(): { readonly onDidChange: vscode.Event<DebugPosition | undefined>; readonly disposable: vscode.Disposable } {
  const emitter = new vscode.EventEmitter<DebugPosition | undefined>();
  /** The last position of each live session (a session made active again shows where it stands). */
  const positions = new Map<string, DebugPosition>();
  let shown: DebugPosition | undefined;
  const show = (position: DebugPosition | undefined) => {
    if (position === shown) return;
    shown = position;
    emitter.fire(position);
  };
  const ofActive = () => {
    const active = vscode.debug.activeDebugSession;
    return active ? positions.get(active.id) : undefined;
  };
  const disposable = vscode.Disposable.from(
    emitter,
    vscode.debug.onDidReceiveDebugSessionCustomEvent((event) => {
      if (event.session.type !== DEBUG_TYPE || event.event !== DEBUG_POSITION_EVENT || !isDebugPosition(event.body)) return;
      positions.set(event.session.id, event.body);
      // A position of a session in the background waits until that session is the active one.
      if (vscode.debug.activeDebugSession === undefined || vscode.debug.activeDebugSession.id === event.session.id) show(event.body);
    }),
    vscode.debug.onDidChangeActiveDebugSession(() => show(ofActive())),
    vscode.debug.onDidTerminateDebugSession((session) => {
      positions.delete(session.id);
      show(ofActive());
    }),
  );
  return { onDidChange: emitter.event, disposable };
}

/** The timeline's marker for a position (null: none), labelled `type #seq · aggregate` as the Call Stack names the frame. */
export function timelineMarkerOf(position: DebugPosition | undefined): DebugMarkerParams['marker'] {
  if (!position) return null;
  const label = `${position.eventType}${position.sequence !== null ? ` #${position.sequence}` : ''}${position.aggregateId !== null ? ` · ${position.aggregateId}` : ''}`;
  return { eventId: position.eventId, timestampMs: position.timestampMs, label };
}
