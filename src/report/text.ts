import { compareFindings, type Finding, type Severity } from '../core/finding.js';
import type { LintResult } from '../core/lint-result.js';
import type { ReportOptions } from './report-options.js';
import { plural, totalsText } from './totals.js';
import { pushAll } from '../core/collections.js';

/**
 * Human output: a header per file, then `file:line:col severity message [ID alias]` so that
 * terminals and editors can jump to the spot, help and related places indented below.
 */
export function formatText(result: LintResult, options: Pick<ReportOptions, 'color'> = {}): string {
  const style = options.color ? ANSI_STYLE : PLAIN_STYLE;
  const findings = [...result.findings].sort(compareFindings);
  const lines: string[] = [];
  findings.forEach((finding, index) => {
    if (finding.file !== findings[index - 1]?.file) {
      if (index > 0) lines.push('');
      lines.push(style.file(printable(finding.file)));
    }
    pushAll(lines, findingLines(finding, style));
  });
  if (findings.length > 0) lines.push('');
  lines.push(style.summary(summary(result)));
  return `${lines.map(notACommand).join('\n')}\n`;
}

function findingLines(finding: Finding, style: Style): string[] {
  const location = `${printable(finding.file)}:${finding.line}:${finding.column}`;
  const lines = [`${location} ${style[finding.severity](finding.severity)} ${printable(finding.message)} ${style.rule(`[${finding.ruleId} ${finding.alias}]`)}`];
  if (finding.help !== undefined) lines.push(`  help: ${printable(finding.help)}`);
  for (const related of finding.related ?? []) {
    lines.push(`  related: ${printable(related.file)}:${related.line}:${related.column} ${printable(related.message)}`);
  }
  return lines;
}

function summary(result: LintResult): string {
  const files = plural(result.filesScanned, 'file');
  if (result.findings.length === 0) return `no problems found in ${files}`;
  return `${totalsText(result.findings)} in ${files}`;
}

/*
 * Messages quote file content and file names come from disk: a terminal must not receive their
 * control characters (escape sequences, line breaks that fake another finding) or bidi overrides
 * that reorder what is shown (Trojan Source). They are shown escaped instead.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A line that starts with `::` is a workflow command when a GitHub Actions step prints it: a file
 * named `::add-mask::x` must not become one. Its first colon is shown escaped, like control characters.
 */
function notACommand(line: string): string {
  return line.startsWith('::') ? `\\x3a${line.slice(1)}` : line;
}

function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED_ESCAPES[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
  });
}

type Style = Record<Severity | 'file' | 'rule' | 'summary', (text: string) => string>;

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const ANSI_STYLE: Style = {
  error: sgr(31, 39),
  warning: sgr(33, 39),
  note: sgr(36, 39),
  file: sgr(4, 24),
  rule: sgr(2, 22),
  summary: sgr(1, 22),
};
const identity = (text: string) => text;
const PLAIN_STYLE: Style = { error: identity, warning: identity, note: identity, file: identity, rule: identity, summary: identity };
