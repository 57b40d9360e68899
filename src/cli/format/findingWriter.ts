import type { Finding } from '../../engine/validate/finding';

/**
 * Writes findings as they come, in bounded memory: the document's head on
 * the first call (or at `end` when there was none), each finding once,
 * then the close. Every format stays a valid document at any size, since
 * nothing is built as one string.
 */
export interface FindingWriter {
  write(findings: readonly Finding[]): void;
  /** Closes the document; nothing is written after. */
  end(): void;
}

/** Where a writer's text goes: stdout in the CLI, a string in tests. */
export type TextSink = (text: string) => void;

/** Runs a writer over findings already at hand and returns the whole text (small outputs, tests). */
export function writeToString(make: (sink: TextSink) => FindingWriter, findings: readonly Finding[]): string {
  const parts: string[] = [];
  const writer = make((text) => parts.push(text));
  writer.write(findings);
  writer.end();
  return parts.join('');
}

/** Indents every line of a multi-line text (what JSON.stringify's nesting would have given it). */
export function indentLines(text: string, indent: string): string {
  return indent + text.replace(/\n/g, `\n${indent}`);
}
