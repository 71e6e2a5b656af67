/** Counts in words, shared by the text reporter and the Action's log, check run and job summary. */
import type { Finding, Severity } from '../core/finding.js';

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** "1 error, 2 warnings, 0 notes". */
export function totalsText(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}`;
}
