import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The slice of playwright-core these tests use, typed here: the package
 * lives in test/e2e's own node_modules (installed by test/e2e/setup.js), so
 * the root TypeScript build must not depend on its types being there.
 */
export interface Locator {
  count(): Promise<number>;
  nth(index: number): Locator;
  first(): Locator;
  locator(selector: string): Locator;
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  press(key: string): Promise<void>;
  selectOption(value: string): Promise<unknown>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  isVisible(): Promise<boolean>;
  inputValue(): Promise<string>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
}

export interface Request {
  url(): string;
}

export interface Page {
  goto(url: string): Promise<unknown>;
  on(event: 'request', handler: (request: Request) => void): void;
  on(event: 'pageerror', handler: (error: Error) => void): void;
  on(event: 'console', handler: (message: { type(): string; text(): string }) => void): void;
  exposeFunction(name: string, callback: (...args: unknown[]) => unknown): Promise<unknown>;
  /** In-page code is passed as a string: this build has no DOM types. */
  evaluate(expression: string): Promise<unknown>;
  locator(selector: string): Locator;
  close(): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface Browser {
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

interface Chromium {
  launch(options: { executablePath: string; headless: boolean; args: string[]; env?: Record<string, string | undefined> }): Promise<Browser>;
}

/** The repository root: the folder above this file's that holds test/e2e (the compiled file lives under out/). */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'test', 'e2e', 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's chromium, headless, with the arguments of docs/real-vscode-testing.md ("Driving the UI"). */
export async function launchChromium(): Promise<Browser> {
  const modulePath = path.join(repoRoot(), 'test', 'e2e', 'node_modules', 'playwright-core');
  if (!fs.existsSync(modulePath)) throw new Error(`playwright-core is missing at ${modulePath}: run node test/e2e/setup.js --no-compile`);
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`chromium is missing at ${CHROMIUM_PATH}: apt-get install chromium`);
  // A require by absolute path: the package is outside the root's node_modules.
  const { chromium } = require(modulePath) as { chromium: Chromium };
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-webview-'));
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), TMPDIR: home },
  });
}

/**
 * Waits until an in-page expression is truthy. Not page.waitForFunction: it
 * evaluates a string predicate with eval inside the page, which the page's
 * CSP (rightly) forbids; page.evaluate goes through the debugger protocol.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(`!!(${expression})`)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
