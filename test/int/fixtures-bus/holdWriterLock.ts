/**
 * Child process of the two-writers test: opens the store for writing, says
 * "locked", and keeps the lock until killed or until stdin closes.
 *
 * argv: <storeRoot>
 */
import { EventFileAppender } from '../../../src/engine/store/eventFileAppender';

async function main(): Promise<void> {
  const appender = await EventFileAppender.open(process.argv[2]);
  process.stdout.write('locked\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void appender.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`holdWriterLock: ${(error as Error).message}\n`);
  process.exit(1);
});
