import type { RegistrySnapshot } from '../schema/schemaRegistry';
import type { SeverityOverrides } from './codes';
import type { RepeatMode } from './repeatedCauses';
import type { StoreVocabulary } from './vocabulary';
import type { Chunk, FileValidation } from './validateFile';

/** Sent once as workerData: everything the rules need, as plain data. */
export interface WorkerSetup extends StoreVocabulary {
  readonly registry: RegistrySnapshot;
  readonly maxRetryCount?: number;
  readonly maxNestingDepth?: number;
  readonly severity?: SeverityOverrides;
  readonly repeats?: RepeatMode;
}

export interface WorkerRequest {
  readonly id: number;
  readonly absPath: string;
  readonly file: string;
  readonly chunk: Chunk;
}

export type WorkerResponse =
  | { readonly id: number; readonly result: FileValidation; readonly error?: undefined }
  | { readonly id: number; readonly error: string; readonly result?: undefined };
