import * as vscode from 'vscode';
import type { StoreRegistry } from '../views/sources/storeRegistry';
import { statusBarModel } from './statusBarText';

export const SHOW_STATUS_COMMAND = 'eventbus.showStatus';

/**
 * `● live · 1,234,567 events · 3 errors` on the left of the status bar,
 * following the store registry (updated on every store change); hidden
 * without a store. Clicking it opens the Status view.
 */
export function registerStatusBarItem(registry: StoreRegistry): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('eventbus.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Event Bus';
  item.command = SHOW_STATUS_COMMAND;
  const update = () => {
    const model = statusBarModel(registry.stores);
    if (!model.visible) {
      item.hide();
      return;
    }
    item.text = model.text;
    item.tooltip = new vscode.MarkdownString(model.tooltip, true);
    item.backgroundColor = model.background ? new vscode.ThemeColor(model.background) : undefined;
    item.show();
  };
  update();
  const subscription = registry.onDidChange(update);
  return vscode.Disposable.from(item, subscription);
}
