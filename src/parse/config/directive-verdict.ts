/**
 * What OpenSSH makes of one directive, for the target release and build: the keyword's
 * facts, and the problem that makes `sshd -t` / `ssh -G` fail on it, if any. Rules read
 * these; only the validator decides them.
 */
import type { ResolvedKeywordFacts } from '../../openssh/value-grammar.js';
import type { Range } from '../read-key.js';
import type { Directive } from './config-model.js';
import type { MatchCriteria } from './validate-match.js';

export type ConfigProblemCode =
  /** "Bad configuration option: X" (unknown, removed, or too new for the target). */
  | 'unknown-keyword'
  /** "no argument after keyword" / "missing argument". */
  | 'no-argument'
  /** "invalid quotes". */
  | 'invalid-quotes'
  /** A value the keyword's parser rejects ("unsupported option", "invalid time value", …). */
  | 'bad-value'
  /** "extra arguments at end of line" / "garbage at end of line". */
  | 'extra-arguments'
  /** "Directive 'X' is not allowed within a Match block". */
  | 'not-allowed-in-match'
  /** A Match (or ssh Host/Match) line the parser rejects: unknown criterion, bad CIDR, `all` combined. */
  | 'bad-match'
  /** An algorithm list with a name the release does not know, or a pattern where none is allowed. */
  | 'bad-algorithm'
  /** Accepted keyword that this build cannot honour and refuses (e.g. RDomain on Linux). */
  | 'not-supported';

export interface ConfigProblem {
  code: ConfigProblemCode;
  /** OpenSSH's own words, without the "FILE line N:" prefix. */
  message: string;
  /** Where in the line the problem is (defaults to the keyword). */
  range?: Range;
  /** `fatal`: OpenSSH stops at this line; `error`: it carries on, then refuses to start. */
  severity: 'fatal' | 'error';
  /** For unknown keywords: the nearest valid keyword, if one is close. */
  suggestion?: string;
}

export type KeywordStatus = 'active' | 'deprecated' | 'ignored' | 'unsupported';

export interface DirectiveVerdict {
  directive: Directive;
  /** Canonical keyword spelling (aliases resolved); undefined when unknown. */
  canonical?: string;
  /** For an alias: the spelling written, so a rule can suggest the new name. */
  aliasOf?: string;
  status?: KeywordStatus;
  /** The keyword's facts for the target release (accumulation, default, grammar); undefined when unknown. */
  keyword?: ResolvedKeywordFacts;
  /** Set when OpenSSH rejects the line: the line is `malformed`. */
  problem?: ConfigProblem;
  /** A Match (or ssh Host) line: the criteria the parser reads. */
  match?: MatchCriteria;
}
