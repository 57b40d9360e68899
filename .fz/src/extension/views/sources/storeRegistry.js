"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StoreRegistry = void 0;
const protocol_1 = require("../../../shared/protocol");
/**
 * The stores the server has open, as StatusRequest last reported them. The
 * views' top level, the status bar and the welcome context key read it.
 */
class StoreRegistry {
    send;
    current = [];
    known = false;
    listeners = new Set();
    inFlight;
    again = false;
    constructor(send) {
        this.send = send;
    }
    get stores() {
        return this.current;
    }
    /** False until the server answered once (the views show "looking for a store" until then). */
    get answered() {
        return this.known;
    }
    statusOf(store) {
        return store === undefined ? this.current[0] : this.current.find((s) => s.storeRoot === store);
    }
    onDidChange(listener) {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    }
    /**
     * One store's status as the server sent it unasked (progress while it
     * opens): the server may be too busy indexing to answer a StatusRequest
     * soon, and a store it announces is known from then on.
     */
    applyStatus(status) {
        const others = this.current.filter((s) => s.storeRoot !== status.storeRoot);
        this.current = [...others, status].sort((a, b) => (a.storeRoot < b.storeRoot ? -1 : a.storeRoot > b.storeRoot ? 1 : 0));
        this.known = true;
        this.listeners.forEach((listener) => listener());
    }
    /** Asks the server again; calls made while one is running share one follow-up request. */
    refresh() {
        if (this.inFlight) {
            this.again = true;
            return this.inFlight;
        }
        this.inFlight = (async () => {
            try {
                do {
                    this.again = false;
                    const result = await this.send(protocol_1.StatusRequest.type, {});
                    this.current = [...result.stores].sort((a, b) => (a.storeRoot < b.storeRoot ? -1 : a.storeRoot > b.storeRoot ? 1 : 0));
                    this.known = true;
                    this.listeners.forEach((listener) => listener());
                } while (this.again);
            }
            finally {
                this.inFlight = undefined;
            }
        })();
        return this.inFlight;
    }
}
exports.StoreRegistry = StoreRegistry;
//# sourceMappingURL=storeRegistry.js.map