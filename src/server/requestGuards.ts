import { type CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * What a request handler checks before it works: parameters of the wrong
 * shape answer -32602 (InvalidParams) with what was expected, instead of a
 * TypeError deep in a handler coming back as -32603 with a raw JS message;
 * a request the client cancelled ($/cancelRequest) while it waited its turn
 * (behind queued edits, or a store still opening) answers -32800 and does
 * no work for an answer nobody reads.
 */
export function invalidParams(method: string, problem: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: invalid params: ${problem}`);
}

/**
 * One turn of the event loop: data already sent by the client (a
 * `$/cancelRequest` right behind a request, the next edit) is read before a
 * request is answered, so a request the client gave up on is not worked on.
 * Edits are applied as they arrive, so without it nothing would ever wait.
 */
export function readPendingMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function throwIfCancelled(method: string, token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${method}: cancelled by the client`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** `{textDocument: {uri}}`; returns the URI. */
export function checkTextDocument(method: string, params: unknown): string {
  if (!isRecord(params)) throw invalidParams(method, `expected an object, got ${describe(params)}`);
  const document = params.textDocument;
  if (!isRecord(document) || typeof document.uri !== 'string' || document.uri.length === 0) {
    throw invalidParams(method, `textDocument.uri must be a non-empty string, got ${describe(isRecord(document) ? document.uri : document)}`);
  }
  return document.uri;
}

/** `{textDocument: {uri}, position: {line, character}}` with whole numbers. */
export function checkTextDocumentPosition(method: string, params: unknown): void {
  checkTextDocument(method, params);
  const position = (params as Record<string, unknown>).position;
  if (!isRecord(position) || !isWholeNumber(position.line) || !isWholeNumber(position.character)) {
    throw invalidParams(method, `position must be {line, character} with whole numbers >= 0, got ${describe(position)}`);
  }
}

/** `{textDocument, range: {start, end}}` with whole-number positions. */
export function checkTextDocumentRange(method: string, params: unknown): void {
  checkTextDocument(method, params);
  const range = (params as Record<string, unknown>).range;
  const isPosition = (p: unknown) => isRecord(p) && isWholeNumber(p.line) && isWholeNumber(p.character);
  if (!isRecord(range) || !isPosition(range.start) || !isPosition(range.end)) {
    throw invalidParams(method, `range must be {start: {line, character}, end: {line, character}} with whole numbers >= 0, got ${describe(range)}`);
  }
}

/**
 * A custom request's params: an object, and `store` a store folder's path.
 * `store` is required unless the request is about no store or every store
 * (`storeOptional`): the server never picks "the first store" for a caller
 * that named none, since in a multi-root workspace that is a guess.
 */
export function checkStoreParams(method: string, params: unknown, storeOptional = false): void {
  if ((params === undefined || params === null) && storeOptional) return;
  if (!isRecord(params)) throw invalidParams(method, `expected an object with store (the store folder's absolute path), got ${describe(params)}`);
  if (params.store === undefined && storeOptional) return;
  if (typeof params.store !== 'string' || params.store.length === 0) {
    throw invalidParams(method, `store is required: the absolute path of the store folder the request is about (e.g. /work/project/event_store), got ${describe(params.store)}`);
  }
}

/**
 * A handler's TypeError or RangeError on parameters that passed the checks
 * above (a field of the wrong type deeper in): still the caller's mistake,
 * answered -32602 with the request's name.
 */
export function asInvalidParams(method: string, error: unknown): unknown {
  if (error instanceof TypeError || error instanceof RangeError) return invalidParams(method, `the parameters do not fit the request (${error.message})`);
  return error;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object without the expected fields';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
