import type { Connection } from 'vscode-languageserver/node';
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
} from '../../shared/protocol';
import { type ExportParams, ExportProgressNotification, ExportRequest, QueryMatchesRequest } from '../../shared/queryProtocol';
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
import { timelineBins } from './timeline';

/**
 * Wires the custom requests (src/shared/protocol.ts) to their handlers. Each
 * handler gets the store the request names, once its engine is open; an
 * error becomes the request's error response with the handler's message.
 */
export function registerStoreRequests(connection: Connection, ctx: ServerContext): void {
  const withStore = <P extends StoreParams, R>(handler: (store: HandlerStore, params: P) => R | Promise<R>) => {
    return async (params: P): Promise<R> => {
      const session = ctx.sessionFor(params?.store);
      const engine = await session.requireEngine();
      const store: HandlerStore = { root: session.root, engine, registry: session.registry, uriOf: (file) => ctx.uriOfStoreFile(session, file) };
      // A content query in the filter reads event bodies: done here, asynchronously, so the handlers stay synchronous.
      await prepareContentFilters(engine, params);
      return handler(store, params ?? ({} as P));
    };
  };
  connection.onRequest(AggregatesRequest.type, withStore(aggregates));
  connection.onRequest(AggregateEventsRequest.type, withStore(aggregateEvents));
  connection.onRequest(EventByIdRequest.type, withStore(eventById));
  connection.onRequest(CorrelationsRequest.type, withStore(correlations));
  connection.onRequest(CausationTreeRequest.type, withStore(causationTree));
  connection.onRequest(EventTypesRequest.type, withStore(eventTypes));
  connection.onRequest(SnapshotsRequest.type, withStore(snapshots));
  connection.onRequest(SnapshotCreateRequest.type, withStore(snapshotCreate));
  connection.onRequest(SnapshotVerifyRequest.type, withStore(snapshotVerify));
  connection.onRequest(ReplayRequest.type, withStore(replay));
  connection.onRequest(ReplayDocumentRequest.type, withStore(replayDocument));
  // The folder's projections setting gates running projection code (the client's trust is in the params).
  connection.onRequest(RebuildRequest.type, async (params) => {
    const session = ctx.sessionFor(params?.store);
    return withStore((store, p: typeof params) => rebuild(store, p, session.settings.projectionsEnabled))(params);
  });
  connection.onRequest(ProjectionsRequest.type, async (params) => {
    const session = ctx.sessionFor(params?.store);
    return listProjections(session.root, session.settings.projectionsEnabled);
  });
  connection.onRequest(TimelineBinsRequest.type, withStore(timelineBins));
  connection.onRequest(EventGroupsRequest.type, withStore(eventGroups));
  connection.onRequest(EventsQueryRequest.type, withStore(eventsQuery));
  connection.onRequest(EventPlaceRequest.type, withStore(eventPlace));
  connection.onRequest(QueryMatchesRequest.type, withStore(queryMatches));
  connection.onRequest(
    ExportRequest.type,
    withStore((store, params: ExportParams) =>
      exportEvents(store, params, (done, total) => void connection.sendNotification(ExportProgressNotification.type, { progressToken: params.progressToken, done, total })),
    ),
  );
  // Before any store exists: it makes one.
  connection.onRequest(CreateSampleStoreRequest.type, (params) => createSampleStore(ctx, params));
  // Status answers even while stores are opening or failed: that is what it reports.
  connection.onRequest(StatusRequest.type, async (params) => {
    await ctx.discovered;
    const sessions = params?.store !== undefined ? [ctx.sessionFor(params.store)] : [...ctx.sessions.values()];
    return { stores: sessions.map((session) => ctx.statusOf(session)) };
  });
}
