import type { LanguageClient } from 'vscode-languageclient/node';
import type { SnapshotVerification } from '../../shared/protocol';
import type { PublishPanel } from '../publish/publishPanel';
import type { ReadOnlyViews } from '../readOnlyViews';
import type { ReplayDocuments } from '../replay/replayDocuments';
import type { SendRequest } from '../views/sources/requester';

/**
 * What the palette commands may ask of the Event Bus views, filled in once
 * the views exist (they are registered after the commands): the one
 * Refresh also re-reads the views, the one Verify marks the Snapshots view.
 */
export interface ExplorerLink {
  refreshViews?: () => Promise<void>;
  showVerifications?: (store: string, results: readonly SnapshotVerification[]) => void;
}

/** What every palette command works with: the server to ask and the read-only documents to show answers in. */
export interface CommandDeps {
  readonly client: LanguageClient;
  /** The client's sendRequest for any request type. */
  readonly send: SendRequest;
  readonly views: ReadOnlyViews;
  /** The one Publish Event form. */
  readonly publishForm: PublishPanel;
  /** The readable replay documents (rows with state changes, links). */
  readonly replays: ReplayDocuments;
  readonly explorer: ExplorerLink;
}

/** Most events a replay document shows (the server says when there were more). */
export const REPLAY_LIMIT = 10_000;
