/**
 * A tree row as plain data: what the vscode layer turns into a TreeItem.
 * Keeping it data makes labels, icons and tooltips testable without VS Code.
 */
export interface IconModel {
  /** A codicon id (`error`, `warning`, `symbol-event`). */
  readonly id: string;
  /** A theme colour id (`errorForeground`, `list.warningForeground`). */
  readonly color?: string;
}

export interface CommandModel {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface ItemModel {
  /** Unique within the view and stable across refreshes (keeps expansion). */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown (already escaped) or plain text. */
  readonly tooltip?: { readonly markdown: string } | string;
  readonly icon?: IconModel;
  readonly collapsible: Collapsible;
  /** Words menus match on (`event replayable correlated`). */
  readonly contextValue?: string;
  readonly command?: CommandModel;
}
