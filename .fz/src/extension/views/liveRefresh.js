"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LiveRefresh = void 0;
const refreshPlan_1 = require("./model/refreshPlan");
const viewNames_1 = require("./model/viewNames");
const errorText_1 = require("../errorText");
/**
 * Store changes → view refreshes. Notifications are batched (a lone one at once, then 100 ms quiet,
 * 300 ms at most), the status is asked again, each affected source drops
 * what went stale, and only visible views re-fetch; hidden ones do when
 * shown.
 */
class LiveRefresh {
    views;
    onFull;
    log;
    batcher;
    owed = new refreshPlan_1.OwedRefreshes();
    disposables = [];
    constructor(views, onFull, log) {
        this.views = views;
        this.onFull = onFull;
        this.log = log;
        this.batcher = new refreshPlan_1.Batcher((changes) => void this.apply((0, refreshPlan_1.planRefresh)(changes)));
        for (const name of viewNames_1.VIEW_NAMES) {
            this.disposables.push(views.treeView(name).onDidChangeVisibility((e) => {
                if (e.visible && this.owed.take(name))
                    views.provider(name).refresh();
            }));
        }
    }
    push(change) {
        this.batcher.push(change);
    }
    async apply(plan) {
        try {
            await this.views.registry.refresh();
        }
        catch (error) {
            this.log(`status after a store change: ${(0, errorText_1.editorErrorText)(error)}`);
        }
        for (const name of plan.views)
            this.views.source(name).invalidate(plan.full);
        for (const name of this.owed.add(plan, (view) => this.views.isVisible(view)))
            this.views.provider(name).refresh();
        if (plan.full)
            this.onFull();
    }
    dispose() {
        this.batcher.dispose();
        this.disposables.forEach((d) => d.dispose());
    }
}
exports.LiveRefresh = LiveRefresh;
//# sourceMappingURL=liveRefresh.js.map