import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { StoreParams } from '../../shared/protocol';
import {
  CleanupExecuteRequest,
  CleanupPlanRequest,
  MigrateExecuteRequest,
  MigratePlanRequest,
  PublishCheckRequest,
  PublishRequest,
  PublishTemplateRequest,
  RefreshRequest,
  ReplayCorrelationRequest,
  RestoreFromSnapshotRequest,
  ValidateStoreRequest,
} from '../../shared/writeProtocol';
import type { ServerContext } from '../serverContext';
import { cleanupExecute, cleanupPlan } from './writeCleanup';
import { migrateExecute, migratePlan } from './writeMigrate';
import { PlanMemory } from './writePlans';
import { checkPublish, publishTemplate } from './publishForm';
import { publish } from './writePublish';
import { WriteQueue } from './writeQueue';
import { refreshStore } from './writeRefresh';
import { replayCorrelation } from './writeReplayCorrelation';
import { restoreFromSnapshot } from './writeRestore';
import type { WriteStore } from './writeStore';
import { validateSummary } from './writeValidate';

/**
 * Wires the requests of src/shared/writeProtocol.ts (the palette commands
 * that write or scan) to their handlers. Writes to one store run one at a
 * time; a request the client cancelled before its turn does not start.
 */
export function registerWriteRequests(connection: Connection, ctx: ServerContext): void {
  const plans = new PlanMemory();
  const writes = new WriteQueue();
  const withStore = <P extends StoreParams, R>(handler: (store: WriteStore, params: P) => R | Promise<R>) => {
    return async (params: P, token?: CancellationToken): Promise<R> => {
      const session = ctx.sessionFor(params?.store);
      const engine = await session.requireEngine();
      if (token?.isCancellationRequested) throw new Error('cancelled by the client before it started');
      const store: WriteStore = { root: session.root, engine, registry: session.registry, session, uriOf: (file) => ctx.uriOfStoreFile(session, file) };
      return handler(store, params ?? ({} as P));
    };
  };
  const queued = <P extends StoreParams, R>(handler: (store: WriteStore, params: P) => Promise<R>) =>
    withStore<P, R>((store, params) => writes.run(store.root, () => handler(store, params)));

  connection.onRequest(PublishRequest.type, queued(publish));
  connection.onRequest(PublishCheckRequest.type, withStore(checkPublish));
  connection.onRequest(PublishTemplateRequest.type, withStore(publishTemplate));
  connection.onRequest(ValidateStoreRequest.type, withStore(validateSummary));
  connection.onRequest(CleanupPlanRequest.type, withStore((store) => cleanupPlan(store, plans)));
  connection.onRequest(CleanupExecuteRequest.type, queued((store, params) => cleanupExecute(store, plans, params)));
  connection.onRequest(MigratePlanRequest.type, withStore((store) => migratePlan(store, plans)));
  connection.onRequest(MigrateExecuteRequest.type, queued((store, params) => migrateExecute(store, plans, params)));
  connection.onRequest(ReplayCorrelationRequest.type, withStore(replayCorrelation));
  connection.onRequest(RestoreFromSnapshotRequest.type, withStore(restoreFromSnapshot));
  connection.onRequest(RefreshRequest.type, withStore((store) => refreshStore(ctx, store)));
}
