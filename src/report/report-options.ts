import type { LintResult } from '../core/lint-result.js';

export const TOOL_NAME = 'sshlint';

export interface ReportOptions {
  /** sshlint's own version, written by the json and sarif formats. */
  toolVersion: string;
  /** ANSI colour in the text format; the CLI passes `isTTY && !NO_COLOR`. */
  color?: boolean;
}

export type Reporter = (result: LintResult, options: ReportOptions) => string;
