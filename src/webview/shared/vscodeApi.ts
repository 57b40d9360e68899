/**
 * The page's handle on VS Code (`acquireVsCodeApi`, callable once per page),
 * typed by the state the page keeps. Kept behind this interface so the
 * page logic can be driven by a fake in tests.
 */
export interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

/** Wraps the real API; `getState` hands back only a state that passes `isState` (an older page's state is dropped). */
export function acquireTypedVsCodeApi<S>(isState: (value: unknown) => value is S): VsCodeApi<S> {
  const api = acquireVsCodeApi();
  return {
    postMessage: (message) => api.postMessage(message),
    getState: () => {
      const state = api.getState();
      return isState(state) ? state : undefined;
    },
    setState: (state) => api.setState(state),
  };
}
