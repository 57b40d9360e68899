import type { LanguageClient } from 'vscode-languageclient/node';
import type { PublishPanel } from '../publish/publishPanel';
import type { ReadOnlyViews } from '../readOnlyViews';
import type { ReplayDocuments } from '../replay/replayDocuments';

/** What every palette command works with: the server to ask and the read-only documents to show answers in. */
export interface CommandDeps {
  readonly client: LanguageClient;
  readonly views: ReadOnlyViews;
  /** The one Publish Event form. */
  readonly publishForm: PublishPanel;
  /** The readable replay documents (rows with state changes, links). */
  readonly replays: ReplayDocuments;
}

/** Most events a replay document shows (the server says when there were more). */
export const REPLAY_LIMIT = 10_000;
