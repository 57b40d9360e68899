import { randomUUID } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newEventId(): string {
  return randomUUID();
}

export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text);
}
