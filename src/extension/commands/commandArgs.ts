/**
 * The optional argument of a palette command when another part of the
 * extension runs it (a tree item's context menu passes the aggregate it is
 * on, so no pick is needed). Anything else, including no argument from the
 * palette, means "ask the user". Pure: checked without VS Code.
 */
export interface CommandArgs {
  /** Absolute store root; absent (the palette): the command table asks which store. */
  readonly store?: string;
  readonly aggregateId?: string;
  readonly correlationId?: string;
  /** "Rebuild State at Event…": fold through this store projection (by name) instead of asking. */
  readonly projection?: string;
  /** "Replay Aggregate to This Event": replay up to this sequence without asking for a range. */
  readonly toSequence?: number;
}

/** What a command's handler gets: the arguments with the store always named. */
export interface StoreCommandArgs extends CommandArgs {
  readonly store: string;
}

export function commandArgsOf(value: unknown): CommandArgs {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined);
  const store = text('store') ?? text('storeRoot');
  const aggregateId = text('aggregateId');
  const correlationId = text('correlationId');
  const projection = text('projection');
  const toSequence = Number.isSafeInteger(record.toSequence) ? (record.toSequence as number) : undefined;
  return {
    ...(toSequence !== undefined ? { toSequence } : {}),
    ...(projection !== undefined ? { projection } : {}),
    store,
    ...(aggregateId !== undefined ? { aggregateId } : {}),
    ...(correlationId !== undefined ? { correlationId } : {}),
  };
}
