import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh folder under the OS temp dir; removed by the returned cleanup. */
export function makeTempDir(prefix = 'eventbus-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `event_store/events/<name>` with the given raw content and returns the store root. */
export function writeEventFile(storeRoot: string, name: string, content: string | Buffer): string {
  const file = path.join(storeRoot, 'events', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}
