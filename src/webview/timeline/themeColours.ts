/// <reference lib="dom" />
/** The VS Code theme's colours, read from the CSS variables the webview receives (with fallbacks for a plain browser). */
export interface ThemeColours {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly density: string;
  readonly grid: string;
  readonly focus: string;
  readonly selection: string;
  /** The debug session's current event (the editor's current stack frame colour). */
  readonly debugMarker: string;
  readonly font: string;
}

export function readThemeColours(element: Element): ThemeColours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const family = read('--vscode-font-family', 'system-ui, sans-serif');
  return {
    background: read('--vscode-editor-background', '#1e1e1e'),
    foreground: read('--vscode-editor-foreground', '#d4d4d4'),
    muted: read('--vscode-descriptionForeground', '#9d9d9d'),
    density: read('--vscode-charts-blue', '#3794ff'),
    grid: read('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)'),
    focus: read('--vscode-focusBorder', '#007fd4'),
    selection: read('--vscode-charts-yellow', '#cca700'),
    debugMarker: read('--vscode-debugIcon-breakpointCurrentStackframeForeground', '#ffcc00'),
    font: `11px ${family}`,
  };
}
