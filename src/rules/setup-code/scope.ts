/** Helpers the setup-code rules share: which commands run together, and what a command line says. */
import type { ShellCommand, ShellWord } from '../../parse/setup/setup-model.js';
import type { RuleHit } from '../rule.js';

/** Both commands run in one shell environment: the same job or target, or one of them at file level. */
export function sameScope(a: ShellCommand, b: ShellCommand): boolean {
  return a.scope === undefined || b.scope === undefined || a.scope === b.scope;
}

/** The command that feeds `command` through a pipe, for each piped command. */
export function pipeSources(commands: readonly ShellCommand[]): Map<ShellCommand, ShellCommand> {
  const from = new Map<ShellCommand, ShellCommand>();
  for (const command of commands) if (command.pipedTo) from.set(command.pipedTo, command);
  return from;
}

/** A short flag is given, alone or among others (`-l`, `-lf`, `-Hl`). */
export function hasFlag(command: ShellCommand, flag: string): boolean {
  return command.words.slice(1).some((word) => /^-[A-Za-z]+$/.test(word.text) && word.text.includes(flag));
}

export function wordHit(word: ShellWord, message: string, help: string): RuleHit {
  const { line, column, endLine, endColumn } = word.span;
  const hit: RuleHit = { line, column, message, help };
  if (endLine === line && endColumn !== undefined) hit.endColumn = endColumn;
  else if (endLine !== undefined) {
    hit.endLine = endLine;
    if (endColumn !== undefined) hit.endColumn = endColumn;
  }
  return hit;
}
