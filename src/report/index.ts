import type { LintResult } from '../core/lint-result.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import type { Reporter, ReportOptions } from './report-options.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type { Reporter, ReportOptions } from './report-options.js';

/** `--format` values; the first is the default. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const REPORTERS: Readonly<Record<Format, Reporter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export function formatResult(format: Format, result: LintResult, options: ReportOptions): string {
  return REPORTERS[format](result, options);
}
