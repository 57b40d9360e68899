import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';

/**
 * A store whose event types and statuses are its own: the generator's store
 * with every type renamed `acme.<type>` (so no schema folder and no
 * built-in type knows it: EB011) and the status `completed` written `done`
 * (EB020). On the 1M store that is ~1.8-2M findings: what `validate` must
 * stream and summarise. Schemas and snapshots are left out.
 */
export async function writeOwnVocabularyStore(source: string, target: string): Promise<{ events: number }> {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.join(target, 'events'), { recursive: true });
  let events = 0;
  for (const name of fs.readdirSync(path.join(source, 'events')).sort()) {
    if (!name.endsWith('.jsonl')) continue;
    const input = readline.createInterface({ input: fs.createReadStream(path.join(source, 'events', name)), crlfDelay: Infinity });
    const output = fs.createWriteStream(path.join(target, 'events', name));
    let batch = '';
    for await (const line of input) {
      if (line.length === 0) continue;
      batch += `${renameVocabulary(line)}\n`;
      events++;
      if (batch.length > 1 << 20) {
        if (!output.write(batch)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
        batch = '';
      }
    }
    output.write(batch);
    await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  return { events };
}

/** The line with its type prefixed and `completed` spelled `done` (compact or Python-spaced JSON). */
export function renameVocabulary(line: string): string {
  return line.replace(/("event_type":\s*")([^"]+)"/, '$1acme.$2"').replace(/("status":\s*")completed"/, '$1done"');
}

/** The vocabulary that silences it again, for eventbus.config.json. */
export function ownVocabularyConfig(source: string): { event_types: string[]; statuses: string[] } {
  const types = fs.readdirSync(path.join(source, 'schemas')).map((type) => `acme.${type}`);
  return { event_types: types, statuses: ['done', 'degraded', 'healthy', 'unhealthy'] };
}
