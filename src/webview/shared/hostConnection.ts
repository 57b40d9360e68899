import {
  isReplyMessage,
  ReadyCommand,
  type CommandMessage,
  type WebviewCommandType,
  type WebviewNotificationType,
  type WebviewRequestType,
} from '../../shared/webviewProtocol';

/**
 * The page's side of the protocol: requests with ids whose replies resolve
 * promises, notifications dispatched by their `is()` guards, and the `ready`
 * command that tells the host it may start posting. Messages that match no
 * guard are dropped (reported through `onUnknown`), never trusted.
 */
export interface HostConnection {
  request<P, R>(type: WebviewRequestType<P, R>, params: P): Promise<R>;
  onNotification<P>(type: WebviewNotificationType<P>, handler: (params: P) => void): void;
  /** Asks the host to do something, with no reply (the host acts in the editor: a debug session, a document). */
  command<P>(type: WebviewCommandType<P>, params: P): void;
  /** Feed one `message` event's data (the page wires `window.addEventListener('message', …)`). */
  receive(data: unknown): void;
  ready(): void;
}

export interface HostConnectionOptions {
  readonly post: (message: unknown) => void;
  /** A reply that does not arrive in time rejects (the host may have been reloaded). */
  readonly timeoutMs?: number;
  readonly onUnknown?: (data: unknown) => void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly isResult: (value: unknown) => boolean;
  readonly method: string;
  readonly timer: ReturnType<typeof setTimeout> | undefined;
}

export function createHostConnection(options: HostConnectionOptions): HostConnection {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const handlers: { readonly is: (message: unknown) => boolean; readonly run: (message: unknown) => void }[] = [];

  return {
    request<P, R>(type: WebviewRequestType<P, R>, params: P): Promise<R> {
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        const timer =
          options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                pending.delete(id);
                reject(new Error(`no reply to ${type.method} within ${options.timeoutMs} ms`));
              }, options.timeoutMs);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, isResult: type.isResult, method: type.method, timer });
        options.post(type.create(id, params));
      });
    },
    command<P>(type: WebviewCommandType<P>, params: P): void {
      options.post(type.create(params));
    },
    onNotification<P>(type: WebviewNotificationType<P>, handler: (params: P) => void): void {
      handlers.push({ is: (message) => type.is(message), run: (message) => handler((message as { params: P }).params) });
    },
    receive(data: unknown): void {
      if (isReplyMessage(data)) {
        const waiting = pending.get(data.id);
        if (!waiting) return;
        pending.delete(data.id);
        if (waiting.timer !== undefined) clearTimeout(waiting.timer);
        if (!data.ok) waiting.reject(new Error(data.error));
        else if (!waiting.isResult(data.result)) waiting.reject(new Error(`the reply to ${waiting.method} has an unexpected shape`));
        else waiting.resolve(data.result);
        return;
      }
      const handler = handlers.find((h) => h.is(data));
      if (handler) handler.run(data);
      else options.onUnknown?.(data);
    },
    ready(): void {
      const message: CommandMessage = ReadyCommand.create({});
      options.post(message);
    },
  };
}
