/**
 * The only way the pages build DOM: elements get text through `textContent`
 * and attributes through `setAttribute` with fixed names, so a value from an
 * event (which may hold `<script>` or `<img onerror>`) is always inert text.
 * There is deliberately no helper that takes markup.
 */

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  /** Fixed attribute names chosen by the page (never taken from data). */
  readonly attrs?: Readonly<Record<string, string>>;
  readonly title?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.title !== undefined) node.title = options.title;
  if (options.attrs) for (const [name, value] of Object.entries(options.attrs)) node.setAttribute(name, value);
  if (options.text !== undefined) node.textContent = options.text;
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** Replaces an element's children (text is added as text nodes). */
export function replaceChildren(parent: Element, children: readonly (Node | string)[]): void {
  parent.replaceChildren(...children.map((child) => (typeof child === 'string' ? document.createTextNode(child) : child)));
}

export function byId<T extends HTMLElement>(id: string, ctor: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof ctor)) throw new Error(`the page has no <${ctor.name}> with id "${id}"`);
  return found;
}
