import { type CancellationToken, type Connection, LSPErrorCodes, type RequestType, ResponseError } from 'vscode-languageserver/node';
import {
  AggregateEventsRequest,
  AggregatesRequest,
  CausationTreeRequest,
  CorrelationsRequest,
  CreateSampleStoreRequest,
  EventByIdRequest,
  EventGroupsRequest,
  EventPlaceRequest,
  EventsQueryRequest,
  EventTypesRequest,
  ProjectionsRequest,
  RebuildRequest,
  ReplayRequest,
  SnapshotCreateRequest,
  SnapshotsRequest,
  SnapshotVerifyRequest,
  StatusRequest,
  type StoreParams,
  TimelineBinsRequest,
  TimelineNeighbourRequest,
} from '../../shared/protocol';
import { type ExportParams, ExportProgressNotification, ExportRequest, QueryMatchesRequest } from '../../shared/queryProtocol';
import { asInvalidParams, checkStoreParams, throwIfCancelled } from '../requestGuards';
import { ReplayDocumentRequest } from '../../shared/replayProtocol';
import type { ServerContext } from '../serverContext';
import { aggregateEvents, aggregates } from './aggregates';
import { causationTree, correlations } from './correlations';
import { prepareContentFilters, queryMatches } from './contentQuery';
import { createSampleStore } from './createSampleStore';
import { eventById } from './eventById';
import { exportEvents } from './exportEvents';
import { eventGroups } from './eventGroups';
import { eventsQuery } from './eventsQuery';
import { eventPlace } from './eventPlace';
import { eventTypes } from './eventTypes';
import type { HandlerStore } from './handlerStore';
import { listProjections } from './projections';
import { rebuild, replay } from './replay';
import { replayDocument } from './replayDocument';
import { snapshotCreate, snapshots, snapshotVerify } from './snapshots';
import { timelineBinsChoosingLanes, timelineNeighbour } from './timeline';
import { traceRequest } from '../requestTrace';

/**
 * Wires the custom requests (src/shared/protocol.ts) to their handlers. Each
 * handler gets the store the request names, once its engine is open; an
 * error becomes the request's error response with the handler's message.
 */
export function registerStoreRequests(connection: Connection, ctx: ServerContext): void {
  // Every custom request goes through onRequest here: its params are checked (-32602) and a cancelled one stops (-32800).
  const onRequest = <P, R>(type: RequestType<P, R, void>, handler: (params: P, token: CancellationToken) => R | Promise<R>, storeOptional = false): void => {
    // By method name: one handler shape for every request type (the typed overloads differ per type).
    connection.onRequest(type.method, async (params: P, token: CancellationToken): Promise<R> => {
      checkStoreParams(type.method, params, storeOptional);
      throwIfCancelled(type.method, token);
      const started = performance.now();
      try {
        return await handler(params, token);
      } catch (error) {
        throw asInvalidParams(type.method, error);
      } finally {
        traceRequest(type.method, started);
      }
    });
  };
  const withStore = <P extends StoreParams, R>(handler: (store: HandlerStore, params: P) => R | Promise<R>) => {
    return async (params: P, token?: CancellationToken): Promise<R> => {
      const session = ctx.sessionFor(params.store);
      const engine = await session.requireEngine();
      // Waiting for a store to open can take a while: the client may have given up on the answer.
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled by the client');
      const store: HandlerStore = { root: session.root, engine, registry: session.registry, uriOf: (file) => ctx.uriOfStoreFile(session, file) };
      // A content query in the filter reads event bodies: done here, asynchronously, so the handlers stay synchronous.
      await prepareContentFilters(engine, params);
      return handler(store, params);
    };
  };
  onRequest(AggregatesRequest.type, withStore(aggregates));
  onRequest(AggregateEventsRequest.type, withStore(aggregateEvents));
  onRequest(EventByIdRequest.type, withStore(eventById));
  onRequest(CorrelationsRequest.type, withStore(correlations));
  onRequest(CausationTreeRequest.type, withStore(causationTree));
  onRequest(EventTypesRequest.type, withStore(eventTypes));
  onRequest(SnapshotsRequest.type, withStore(snapshots));
  onRequest(SnapshotCreateRequest.type, withStore(snapshotCreate));
  onRequest(SnapshotVerifyRequest.type, withStore(snapshotVerify));
  onRequest(ReplayRequest.type, withStore(replay));
  onRequest(ReplayDocumentRequest.type, withStore(replayDocument));
  // The folder's projections setting gates running projection code (the client's trust is in the params).
  onRequest(RebuildRequest.type, async (params) => {
    const session = ctx.sessionFor(params.store);
    return withStore((store, p: typeof params) => rebuild(store, p, session.settings.projectionsEnabled))(params);
  });
  onRequest(ProjectionsRequest.type, async (params) => {
    const session = ctx.sessionFor(params.store);
    return listProjections(session.root, session.settings.projectionsEnabled);
  });
  onRequest(TimelineBinsRequest.type, withStore(timelineBinsChoosingLanes));
  onRequest(TimelineNeighbourRequest.type, withStore(timelineNeighbour));
  onRequest(EventGroupsRequest.type, withStore(eventGroups));
  onRequest(EventsQueryRequest.type, withStore(eventsQuery));
  onRequest(EventPlaceRequest.type, withStore(eventPlace));
  onRequest(QueryMatchesRequest.type, withStore(queryMatches));
  onRequest(
    ExportRequest.type,
    withStore((store, params: ExportParams) =>
      exportEvents(store, params, (done, total) => void connection.sendNotification(ExportProgressNotification.type, { progressToken: params.progressToken, done, total })),
    ),
  );
  // Before any store exists: it makes one.
  onRequest(CreateSampleStoreRequest.type, (params) => createSampleStore(ctx, params), true);
  // Status answers even while stores are opening or failed: that is what it reports. Without a store: every store.
  onRequest(
    StatusRequest.type,
    async (params) => {
      await ctx.discovered;
      const sessions = params?.store !== undefined ? [ctx.sessionFor(params.store)] : [...ctx.sessions.values()];
      return { stores: sessions.map((session) => ctx.statusOf(session)) };
    },
    true,
  );
}
