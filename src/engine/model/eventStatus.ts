/** Lifecycle of one event in the bus (the guide's `EventStatus`). */
export const EventStatus = {
  PENDING: 'pending',
  PROCESSING: 'processing',
  COMPLETED: 'completed',
  FAILED: 'failed',
  RETRYING: 'retrying',
} as const;

export type EventStatusValue = (typeof EventStatus)[keyof typeof EventStatus];

export const EVENT_STATUSES: readonly string[] = Object.freeze(Object.values(EventStatus));
