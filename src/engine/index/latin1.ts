/**
 * Node's Buffer has fast one-byte-per-character helpers that its type
 * definitions do not declare; ids and keys are ASCII, so this is the
 * cheapest way to turn their bytes into strings and back.
 */
interface Latin1Buffer {
  latin1Slice(start: number, end: number): string;
  latin1Write(text: string, offset: number): number;
}

export function latin1Slice(buf: Uint8Array, start: number, end: number): string {
  return (buf as unknown as Latin1Buffer).latin1Slice(start, end);
}

export function latin1Write(buf: Buffer, text: string, offset: number): number {
  return (buf as unknown as Latin1Buffer).latin1Write(text, offset);
}
