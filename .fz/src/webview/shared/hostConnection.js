"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHostConnection = createHostConnection;
const webviewProtocol_1 = require("../../shared/webviewProtocol");
function createHostConnection(options) {
    let nextId = 1;
    const pending = new Map();
    const handlers = [];
    return {
        request(type, params) {
            const id = nextId++;
            return new Promise((resolve, reject) => {
                const timer = options.timeoutMs === undefined
                    ? undefined
                    : setTimeout(() => {
                        pending.delete(id);
                        reject(new Error(`no reply to ${type.method} within ${options.timeoutMs} ms`));
                    }, options.timeoutMs);
                pending.set(id, { resolve: resolve, reject, isResult: type.isResult, method: type.method, timer });
                options.post(type.create(id, params));
            });
        },
        onNotification(type, handler) {
            handlers.push({ is: (message) => type.is(message), run: (message) => handler(message.params) });
        },
        receive(data) {
            if ((0, webviewProtocol_1.isReplyMessage)(data)) {
                const waiting = pending.get(data.id);
                if (!waiting)
                    return;
                pending.delete(data.id);
                if (waiting.timer !== undefined)
                    clearTimeout(waiting.timer);
                if (!data.ok)
                    waiting.reject(new Error(data.error));
                else if (!waiting.isResult(data.result))
                    waiting.reject(new Error(`the reply to ${waiting.method} has an unexpected shape`));
                else
                    waiting.resolve(data.result);
                return;
            }
            const handler = handlers.find((h) => h.is(data));
            if (handler)
                handler.run(data);
            else
                options.onUnknown?.(data);
        },
        ready() {
            const message = webviewProtocol_1.ReadyCommand.create({});
            options.post(message);
        },
    };
}
//# sourceMappingURL=hostConnection.js.map