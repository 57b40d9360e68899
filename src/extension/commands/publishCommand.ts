import type { StoreCommandArgs } from './commandArgs';
import type { CommandDeps } from './commandDeps';
import { ensureTrusted } from './trust';

/**
 * "Publish Event…": the publish form (src/extension/publish), which checks
 * the draft against the store's schema as the user types and publishes
 * through the server's one writer. Trusted workspaces only.
 */
export async function publishEvent({ publishForm }: CommandDeps, args: StoreCommandArgs): Promise<void> {
  if (!ensureTrusted('Publish Event')) return;
  publishForm.open(args.store, null);
}
