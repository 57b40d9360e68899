/**
 * Child process of the crash test: publishes with persistence on, from
 * several concurrent publishers, and prints each event id on stdout once its
 * publish has resolved (that is, once it is durable). The parent kills it
 * with SIGKILL at a random moment. Pipes to the parent are synchronous on
 * Linux, so an id that reached the parent was acknowledged before the kill.
 *
 * argv: <storeRoot> [publishers]
 */
import { EventBus } from '../../../src/engine/bus/eventBus';
import { AppendOnlyFileStorage } from './appendOnlyFileStorage';

async function main(): Promise<void> {
  const storeRoot = process.argv[2];
  const publishers = Number(process.argv[3] ?? 8);
  if (!storeRoot) throw new Error('usage: crashPublisher <storeRoot> [publishers]');
  const storage = await AppendOnlyFileStorage.open(storeRoot);
  const bus = new EventBus({
    config: { enable_persistence: true, processing_interval: 0, health_check_interval: 0, schema_validation: true },
    storage,
  });
  await bus.start();
  process.stdout.write('ready\n');
  let counter = 0;
  const publisher = async (worker: number): Promise<void> => {
    for (;;) {
      const n = counter++;
      const event = await bus.publish(
        'trade_executed',
        { worker, n, note: 'x'.repeat(n % 300) },
        { source: 'crashPublisher', aggregate_id: `trader_${worker}` },
      );
      process.stdout.write(`${event.metadata.event_id}\n`);
    }
  };
  await Promise.all(Array.from({ length: publishers }, (_, worker) => publisher(worker)));
}

main().catch((error: unknown) => {
  process.stderr.write(`crashPublisher: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
