"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.untilCancelled = untilCancelled;
function untilCancelled(work, token) {
    if (token.isCancellationRequested) {
        work.catch(() => undefined);
        return Promise.resolve({ cancelled: true });
    }
    return new Promise((resolve, reject) => {
        const subscription = token.onCancellationRequested(() => {
            subscription.dispose();
            // The work may still fail later; nobody waits for it any more.
            work.catch(() => undefined);
            resolve({ cancelled: true });
        });
        work.then((value) => {
            subscription.dispose();
            resolve({ cancelled: false, value });
        }, (error) => {
            subscription.dispose();
            reject(error);
        });
    });
}
//# sourceMappingURL=cancellable.js.map