import type { CancellationToken, Connection, RequestType } from 'vscode-languageserver/node';
import { checkStoreParams } from '../requestGuards';
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
      const session = ctx.sessionFor(params.store);
      const engine = await session.requireEngine();
      if (token?.isCancellationRequested) throw new Error('cancelled by the client before it started');
      const store: WriteStore = { root: session.root, engine, registry: session.registry, session, uriOf: (file) => ctx.uriOfStoreFile(session, file) };
      return handler(store, params);
    };
  };
  const queued = <P extends StoreParams, R>(handler: (store: WriteStore, params: P) => Promise<R>) =>
    withStore<P, R>((store, params) => writes.run(store.root, () => handler(store, params)));

  // Every write request names its store: refused (-32602) before it is queued when it does not.
  const onRequest = <P extends StoreParams, R>(type: RequestType<P, R, void>, handler: (params: P, token: CancellationToken) => Promise<R>): void => {
    connection.onRequest(type.method, (params: P, token: CancellationToken): Promise<R> => {
      checkStoreParams(type.method, params);
      return handler(params, token);
    });
  };
  onRequest(PublishRequest.type, queued(publish));
  onRequest(PublishCheckRequest.type, withStore(checkPublish));
  onRequest(PublishTemplateRequest.type, withStore(publishTemplate));
  onRequest(ValidateStoreRequest.type, withStore(validateSummary));
  onRequest(CleanupPlanRequest.type, withStore((store) => cleanupPlan(store, plans)));
  onRequest(CleanupExecuteRequest.type, queued((store, params) => cleanupExecute(store, plans, params)));
  onRequest(MigratePlanRequest.type, withStore((store) => migratePlan(store, plans)));
  onRequest(MigrateExecuteRequest.type, queued((store, params) => migrateExecute(store, plans, params)));
  onRequest(ReplayCorrelationRequest.type, withStore(replayCorrelation));
  onRequest(RestoreFromSnapshotRequest.type, withStore(restoreFromSnapshot));
  onRequest(RefreshRequest.type, withStore((store) => refreshStore(ctx, store)));
}
