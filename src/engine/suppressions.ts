/**
 * Inline suppressions, in comment lines of every kind where `#` starts a comment:
 *   # sshlint-disable-next-line SSH104,key-dsa -- reason
 *   # sshlint-disable-file SSH109
 * A directive that suppresses nothing (or names no rule) is itself reported (SSH002).
 */
import type { Finding } from '../core/finding.js';
import type { SourceFile } from '../core/source.js';

/** Every suppression comment contains it: a file without it has none. */
export const SUPPRESSION_MARKER = 'sshlint-disable';
const DIRECTIVE = /^\s*#\s*sshlint-disable-(next-line|file)\b(.*)$/;

export interface Directive {
  scope: 'next-line' | 'file';
  line: number;
  column: number;
  endColumn: number;
  /** Rule ids or aliases as written. */
  names: string[];
}

export function findDirectives(source: SourceFile): Directive[] {
  const directives: Directive[] = [];
  for (const line of source.lines) {
    const match = DIRECTIVE.exec(line.text);
    if (!match) continue;
    const list = match[2]!.split(' -- ')[0]!;
    const names = list
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    const column = line.text.indexOf('#') + 1;
    directives.push({ scope: match[1] as Directive['scope'], line: line.number, column, endColumn: line.text.length + 1, names });
  }
  return directives;
}

export interface SuppressionOutcome {
  kept: Finding[];
  /** Directives (or names in them) that suppressed nothing or name no rule. */
  unused: { directive: Directive; name: string | undefined; reason: 'unknown-rule' | 'unused' | 'no-rules' }[];
}

/** `resolve` maps an id or alias to the rule id, or undefined when no rule has that name. */
export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly Directive[],
  resolve: (name: string) => string | undefined,
): SuppressionOutcome {
  const used = new Set<string>();
  const key = (d: Directive, name: string): string => `${d.line}:${name}`;
  const kept = findings.filter((finding) => {
    const match = directives.find(
      (d) =>
        (d.scope === 'file' || d.line + 1 === finding.line) && d.names.some((name) => resolve(name) === finding.ruleId),
    );
    if (!match) return true;
    for (const name of match.names) if (resolve(name) === finding.ruleId) used.add(key(match, name));
    return false;
  });
  const unused: SuppressionOutcome['unused'] = [];
  for (const directive of directives) {
    if (directive.names.length === 0) unused.push({ directive, name: undefined, reason: 'no-rules' });
    for (const name of directive.names) {
      if (resolve(name) === undefined) unused.push({ directive, name, reason: 'unknown-rule' });
      else if (!used.has(key(directive, name))) unused.push({ directive, name, reason: 'unused' });
    }
  }
  return { kept, unused };
}
