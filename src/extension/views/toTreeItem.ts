import * as vscode from 'vscode';
import type { ItemModel } from './model/itemModel';

const COLLAPSIBLE: Readonly<Record<ItemModel['collapsible'], vscode.TreeItemCollapsibleState>> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** The one place a row's data becomes a TreeItem. */
export function toTreeItem(model: ItemModel): vscode.TreeItem {
  const item = new vscode.TreeItem(model.label, COLLAPSIBLE[model.collapsible]);
  item.id = model.id;
  if (model.description !== undefined) item.description = model.description;
  if (model.tooltip !== undefined) {
    // Values inside are escaped by the model; no HTML, no command links.
    item.tooltip = typeof model.tooltip === 'string' ? model.tooltip : new vscode.MarkdownString(model.tooltip.markdown, false);
  }
  if (model.icon) item.iconPath = new vscode.ThemeIcon(model.icon.id, model.icon.color ? new vscode.ThemeColor(model.icon.color) : undefined);
  if (model.contextValue !== undefined) item.contextValue = model.contextValue;
  if (model.command) item.command = { command: model.command.command, title: model.command.title, arguments: model.command.arguments ? [...model.command.arguments] : undefined };
  return item;
}
