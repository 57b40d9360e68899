/**
 * Stops waiting for work when the user cancels. The request itself is
 * cancelled through the token passed to sendRequest; the server may still
 * finish it (a write already under way completes), which the caller tells
 * the user. No vscode import: the token is the shape VS Code's has.
 */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

export type Outcome<T> = { readonly cancelled: false; readonly value: T } | { readonly cancelled: true };

export function untilCancelled<T>(work: Promise<T>, token: CancellationLike): Promise<Outcome<T>> {
  if (token.isCancellationRequested) {
    work.catch(() => undefined);
    return Promise.resolve({ cancelled: true });
  }
  return new Promise<Outcome<T>>((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => {
      subscription.dispose();
      // The work may still fail later; nobody waits for it any more.
      work.catch(() => undefined);
      resolve({ cancelled: true });
    });
    work.then(
      (value) => {
        subscription.dispose();
        resolve({ cancelled: false, value });
      },
      (error: unknown) => {
        subscription.dispose();
        reject(error);
      },
    );
  });
}
