/**
 * A variable the code sets once to a literal, then hands unquoted to a command:
 * `SSH_OPTS="-o StrictHostKeyChecking=no"` … `ssh $SSH_OPTS deploy@host`. The shell splits the
 * value into words, so the command sees them as if written there; this puts those words in place
 * of `$SSH_OPTS`, at the positions where the value is written.
 *
 * Only where the value is certain: one assignment to the name in the whole file, a plain
 * statement (or `export`) with a literal value, before the use and in the same scope (or at the
 * top); the name appears nowhere else as a word (`read NAME`, `for NAME in`, `unset NAME`); the
 * use is the whole word, unquoted; no piece of the value is a glob. Anything else stays unknown.
 */
import type { Span } from '../../core/finding.js';
import type { ShellCommand, ShellWord } from './setup-model.js';

const REFERENCE = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/;
const GLOB = /[*?[]/;

interface Definition {
  value: ShellWord & { value: string };
  /** Index of the assigning command. */
  at: number;
  scope: string | undefined;
}

/** The commands with such variable words replaced by the value's words (new objects where something changed). */
export function withLiteralVariables(commands: readonly ShellCommand[]): ShellCommand[] {
  const definitions = literalDefinitions(commands);
  if (definitions.size === 0) return [...commands];
  return commands.map((command, index) => {
    let changed = false;
    const words = command.words.flatMap((word) => {
      const name = referencedName(word);
      const definition = name === undefined ? undefined : definitions.get(name);
      if (!definition || definition.at >= index || (definition.scope !== undefined && definition.scope !== command.scope)) return [word];
      const pieces = splitValue(definition.value);
      if (pieces === undefined) return [word];
      changed = true;
      return pieces;
    });
    return changed ? { ...command, words } : command;
  });
}

function referencedName(word: ShellWord): string | undefined {
  const match = REFERENCE.exec(word.raw);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Names assigned exactly once, to a literal, by a statement of their own, and never used as a bare word. */
function literalDefinitions(commands: readonly ShellCommand[]): Map<string, Definition> {
  const assigned = new Map<string, Definition | null>();
  const bareWords = new Set<string>();
  commands.forEach((command, at) => {
    for (const word of command.words) if (word.value !== undefined) bareWords.add(word.value);
    for (const { name, value } of command.assignments) {
      const literal = command.words.length === 0 && value.value !== undefined && !value.value.includes('\n');
      assigned.set(name, assigned.has(name) || !literal ? null : { value: value as Definition['value'], at, scope: command.scope });
    }
  });
  const definitions = new Map<string, Definition>();
  for (const [name, definition] of assigned) if (definition && !bareWords.has(name)) definitions.set(name, definition);
  return definitions;
}

/** The words the shell splits the value into (default IFS), placed where the value is written; undefined when a piece would glob. */
function splitValue(word: ShellWord & { value: string }): ShellWord[] | undefined {
  const pieces = [...word.value.matchAll(/[^ \t\n]+/g)];
  if (pieces.some((piece) => GLOB.test(piece[0]))) return undefined;
  // Written plainly or inside one pair of quotes, each piece has a place of its own; else the whole value's.
  const quoted = word.raw.length === word.value.length + 2 && /^(["']).*\1$/s.test(word.raw);
  const offset = word.raw === word.value ? 0 : quoted ? 1 : undefined;
  return pieces.map((piece) => {
    const text = piece[0];
    const span: Span = offset === undefined || word.span.endLine !== word.span.line ? word.span : pieceSpan(word.span, offset + piece.index, text.length);
    return { value: text, raw: text, text, span };
  });
}

function pieceSpan(span: Span, at: number, length: number): Span {
  return { line: span.line, column: span.column + at, endLine: span.line, endColumn: span.column + at + length };
}
