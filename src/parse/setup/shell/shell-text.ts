/**
 * Shell text as the lexer reads it: the script, where each of its lines sits in the host file,
 * and a masked copy of the same length in which text a tool substitutes before the shell runs
 * (GitHub `${{ … }}`, make `$(VAR)`) is blanked out, so every word touching it is unknown while
 * every offset still maps to its exact host position.
 */
import type { Span } from '../../../core/finding.js';
import type { LineOrigin } from '../setup-model.js';

/** In the masked text: a character whose value only the tool knows (it makes its word unknown). */
export const UNKNOWN_CHAR = '\u0000';
/** In the masked text: a character the shell never sees (the first `$` of make's `$$`). */
export const DROPPED_CHAR = '\u0002';

export interface ShellText {
  /** The text as written (raw words are sliced from it). */
  original: string;
  /** Same length as `original`; tool expansions replaced by UNKNOWN_CHAR / DROPPED_CHAR. */
  masked: string;
  /** One entry per line of `original`. */
  origins: LineOrigin[];
}

export function shellText(original: string, origins: LineOrigin[], mask?: (text: string) => string): ShellText {
  return { original, masked: mask ? mask(original) : original, origins };
}

/** Replaces every match of `pattern` (global) with UNKNOWN_CHARs, keeping line breaks so lines stay put. */
export function maskMatches(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => match.replace(/[^\n]/g, UNKNOWN_CHAR));
}

/** Turns offsets of a ShellText into host spans. */
export class PositionMap {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: ShellText) {
    for (let i = 0; i < text.original.length; i++) if (text.original.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** The 0-based line of `offset` in the text. */
  lineIndex(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lineStart(index: number): number {
    return this.lineStarts[index] ?? this.text.original.length;
  }

  origin(index: number): LineOrigin {
    return this.text.origins[index] ?? this.text.origins.at(-1) ?? { line: 1, columnOffset: 0 };
  }

  /** Host line and 1-based column of `offset`. */
  at(offset: number): { line: number; column: number } {
    const index = this.lineIndex(offset);
    const origin = this.origin(index);
    return { line: origin.line, column: offset - this.lineStart(index) + 1 + origin.columnOffset };
  }

  span(start: number, end: number): Span {
    const from = this.at(start);
    const to = this.at(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}
