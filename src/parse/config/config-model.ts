/** The typed model of sshd_config and ssh_config files: lines, directives, and their blocks. */
import type { SourceFile, SourceLine } from '../../core/source.js';
import type { Range } from '../read-key.js';
import type { ConfigArg } from './tokenize-line.js';

export type ConfigKind = 'sshd_config' | 'ssh_config';

export interface Directive {
  /** Display path of the file the directive is in. */
  file: string;
  line: SourceLine;
  /** As written; OpenSSH compares keywords case-insensitively. */
  keyword: string;
  keywordRange: Range;
  args: ConfigArg[];
  /** The text after the keyword and its separator (ForceCommand, ProxyCommand take it whole). */
  rest: string;
  restRange: Range;
  /** The `Match` (or ssh's `Host`) line whose block this directive is in; undefined at top level. */
  block?: Directive;
}

export type ConfigLine =
  | { status: 'ignored'; line: SourceLine }
  | { status: 'directive'; line: SourceLine; directive: Directive }
  | { status: 'rejected'; line: SourceLine; problem: 'no-argument' | 'invalid-quotes'; keyword: string; keywordRange: Range; at?: number };

export interface ConfigFileModel {
  kind: ConfigKind;
  source: SourceFile;
  lines: ConfigLine[];
  directives: Directive[];
}
