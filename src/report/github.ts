import { compareFindings, type Finding, type Severity } from '../core/finding.js';
import type { LintResult } from '../core/lint-result.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', note: 'notice' };

/** Where and what an annotation says, in the terms of @actions/core's AnnotationProperties. */
export interface AnnotationFields {
  title: string;
  file: string;
  startLine: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/**
 * The annotation a finding becomes, shared by this reporter and the GitHub Action. GitHub accepts
 * columns only on single-line annotations.
 */
export function annotationFields(finding: Finding): AnnotationFields {
  const singleLine = finding.endLine === undefined || finding.endLine === finding.line;
  const fields: AnnotationFields = { title: annotationTitle(finding), file: finding.file, startLine: finding.line };
  if (finding.endLine !== undefined) fields.endLine = finding.endLine;
  if (singleLine) {
    fields.startColumn = finding.column;
    if (finding.endColumn !== undefined) fields.endColumn = finding.endColumn;
  }
  return fields;
}

export function annotationTitle(finding: Finding): string {
  return `${finding.ruleId} ${finding.alias}`;
}

/** The message, with the fix on a line of its own. */
export function annotationMessage(finding: Finding): string {
  return finding.help === undefined ? finding.message : `${finding.message}\nhelp: ${finding.help}`;
}

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
  const fields = annotationFields(finding);
  const properties: [string, string | number | undefined][] = [
    ['file', fields.file],
    ['line', fields.startLine],
    ['col', fields.startColumn],
    ['endLine', fields.endLine],
    ['endColumn', fields.endColumn],
    ['title', fields.title],
  ];
  const propertyText = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMAND[finding.severity]} ${propertyText}::${escapeData(annotationMessage(finding))}`;
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
