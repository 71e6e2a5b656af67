/**
 * The job summary: totals, then one table row per file and rule (every line), with links to the rule docs.
 * GitHub rejects a step summary over 1 MiB, so the table stops well before that and says so.
 */
import { severityRank, type Finding } from '../core/finding.js';
import { plural, totalsText } from '../report/totals.js';
import { ruleDocsUrl } from '../core/rule-meta.js';

/** Well under GitHub's 1 MiB per step. */
export const SUMMARY_MAX_BYTES = 256 * 1024;

export interface SummaryInput {
  findings: readonly Finding[];
  filesScanned: number;
  /** One sentence: what was reported (whole repository, files a pull request changes, …). */
  scope: string;
  failOn: string;
  failed: boolean;
  /** Extra sentences (check run link, SARIF path, problems). */
  notes: readonly string[];
}

interface Row {
  file: string;
  finding: Finding;
  lines: number[];
}

/** One row per (file, rule): by file, then most severe first, then rule id. */
function rows(findings: readonly Finding[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.file, finding.ruleId]);
    const row = byKey.get(key) ?? { file: finding.file, finding, lines: [] };
    row.lines.push(finding.line);
    byKey.set(key, row);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
      (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : 0),
  );
}

export interface RenderedSummary {
  text: string;
  /** Every finding is in the table (false: cut to fit). */
  complete: boolean;
}

export function renderSummary(input: SummaryInput, maxBytes = SUMMARY_MAX_BYTES): RenderedSummary {
  const files = new Set(input.findings.map((finding) => finding.file)).size;
  const verdict = input.failed ? `fails (fail-on: ${input.failOn})` : `passes (fail-on: ${input.failOn})`;
  const head = [
    '## sshlint',
    '',
    `**${totalsText(input.findings)}** in ${plural(files, 'file')} (${plural(input.filesScanned, 'file')} scanned): the check ${verdict}.`,
    '',
    escapeText(input.scope),
    ...input.notes.map((note) => `\n${escapeText(note)}`),
    '',
  ].join('\n');
  if (input.findings.length === 0) return { text: `${head}\nNo findings.\n`, complete: true };

  const tableHead = '<table>\n<tr><th>File</th><th>Rule</th><th>Severity</th><th>Findings</th><th>Lines</th></tr>\n';
  const tableEnd = '</table>\n';
  const all = rows(input.findings);
  // Room for the closing tag and the "cut" sentence.
  const budget = maxBytes - byteLength(head) - byteLength(tableHead) - byteLength(tableEnd) - 512;
  let used = 0;
  const kept: string[] = [];
  for (const row of all) {
    const html = renderRow(row);
    const size = byteLength(html);
    if (used + size > budget) break;
    kept.push(html);
    used += size;
  }
  const cut =
    kept.length < all.length
      ? `\n<p>Table cut after ${kept.length} of ${all.length} rows to stay under GitHub's 1 MiB job summary limit. The step log lists every finding; so do the check run and the SARIF file when enabled.</p>\n`
      : '';
  return { text: `${head}\n${tableHead}${kept.join('')}${tableEnd}${cut}`, complete: kept.length === all.length };
}

function renderRow(row: Row): string {
  const { finding } = row;
  return (
    `<tr><td><code>${escapeHtml(row.file)}</code></td>` +
    `<td><a href="${escapeHtml(ruleDocsUrl({ id: finding.ruleId }))}">${escapeHtml(finding.ruleId)}</a> ${escapeHtml(finding.alias)}</td>` +
    `<td>${finding.severity}</td><td>${row.lines.length}</td><td>${row.lines.join(', ')}</td></tr>\n`
  );
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeHtml(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
