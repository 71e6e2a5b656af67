import { compareFindings, type Finding, type Severity } from '../core/finding.js';
import type { LintResult } from '../core/lint-result.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', note: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding. The runner shows at most 10 of each
 * command per step and drops the rest silently; choosing which ones to print is the caller's job.
 */
export function formatGithub(result: LintResult): string {
  return [...result.findings]
    .sort(compareFindings)
    .map((finding) => `${annotation(finding)}\n`)
    .join('');
}

function annotation(finding: Finding): string {
  // GitHub accepts columns only on single-line annotations.
  const singleLine = finding.endLine === undefined || finding.endLine === finding.line;
  const properties: [string, string | number | undefined][] = [
    ['file', finding.file],
    ['line', finding.line],
    ['col', singleLine ? finding.column : undefined],
    ['endLine', finding.endLine],
    ['endColumn', singleLine ? finding.endColumn : undefined],
    ['title', `${finding.ruleId} ${finding.alias}`],
  ];
  const propertyText = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  const message = finding.help === undefined ? finding.message : `${finding.message}\nhelp: ${finding.help}`;
  return `::${COMMAND[finding.severity]} ${propertyText}::${escapeData(message)}`;
}

/*
 * The escaping of @actions/core lib/command.js. Once CR and LF are escaped, content can never
 * start a line of its own, so a message or file name cannot issue a command.
 */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
