import * as vscode from 'vscode';
import type { StoreChangedParams } from '../../shared/protocol';
import type { ExplorerViews } from './explorerViews';
import { Batcher, OwedRefreshes, planRefresh, type RefreshPlan } from './model/refreshPlan';
import { VIEW_NAMES } from './model/viewNames';
import { editorErrorText } from '../errorText';

/**
 * Store changes → view refreshes. Notifications are batched (a lone one at once, then 100 ms quiet,
 * 300 ms at most), the status is asked again, each affected source drops
 * what went stale, and only visible views re-fetch; hidden ones do when
 * shown.
 */
export class LiveRefresh implements vscode.Disposable {
  private readonly batcher: Batcher<StoreChangedParams>;
  private readonly owed = new OwedRefreshes();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly views: ExplorerViews,
    private readonly onFull: () => void,
    private readonly log: (message: string) => void,
  ) {
    this.batcher = new Batcher((changes) => void this.apply(planRefresh(changes)));
    for (const name of VIEW_NAMES) {
      this.disposables.push(
        views.treeView(name).onDidChangeVisibility((e) => {
          if (e.visible && this.owed.take(name)) views.provider(name).refresh();
        }),
      );
    }
  }

  push(change: StoreChangedParams): void {
    this.batcher.push(change);
  }

  private async apply(plan: RefreshPlan): Promise<void> {
    try {
      await this.views.registry.refresh();
    } catch (error) {
      this.log(`status after a store change: ${editorErrorText(error)}`);
    }
    for (const name of plan.views) this.views.source(name).invalidate(plan.full);
    for (const name of this.owed.add(plan, (view) => this.views.isVisible(view))) this.views.provider(name).refresh();
    if (plan.full) this.onFull();
  }

  dispose(): void {
    this.batcher.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
