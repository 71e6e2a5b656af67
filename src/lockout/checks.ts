/**
 * The vocabulary of the lockout analysis: a check says `ok`, gives a cause, or says the outcome
 * depends on what the repository does not show; a login is refused only when some check is
 * certain to refuse it. Shared by the checks on keys (logins.ts), on certificates
 * (certificates.ts), on the files sshd reads (authorized-files.ts) and on the session (chroot.ts).
 */
import type { RelatedLocation } from '../core/finding.js';
import { isRelease } from '../openssh/releases.js';
import { sshdKeyword } from '../openssh/sshd-keywords.js';
import type { Directive } from '../parse/config/config-model.js';
import type { Place } from './installed-keys.js';
import { where, written, type Setting, type UserSettings } from './server-view.js';

/** One finding family per rule. */
export type CauseFamily = 'sshd-will-not-start' | 'user-refused' | 'keys-not-read' | 'unsafe-modes' | 'key-refused' | 'certificate-refused' | 'session-refused';

export interface Cause {
  family: CauseFamily;
  /** The line that causes the refusal; undefined when a built-in default does (the finding goes on the key). */
  at?: Place;
  /** Why sshd refuses, as a clause naming the lines: "`RequiredRSASize 2048` (sshd_config:12) refuses RSA keys under 2048 bits". */
  reason: string;
  /** What the user sees. */
  error: string;
  fix: string;
  /** The other lines of the chain. */
  chain: RelatedLocation[];
  /** A per-file rule already reports this line with the same consequence (its id); the lockout rules leave it to that rule. */
  reportedBy?: string;
}

export type Outcome = { outcome: 'accepted' } | { outcome: 'refused'; cause: Cause } | { outcome: 'unknown'; why: string };

export type Check = 'ok' | { unknown: string } | Cause;

export const DENIED = '"Permission denied (publickey)"';

export function isCause(check: Check): check is Cause {
  return typeof check === 'object' && 'family' in check;
}

/** The first refusal, else the first reason the outcome is unknown, else accepted. */
export function outcomeOf(checks: readonly Check[]): Outcome {
  const refusal = checks.find(isCause);
  if (refusal) return { outcome: 'refused', cause: refusal };
  const unknown = checks.find((check): check is { unknown: string } => typeof check === 'object' && 'unknown' in check);
  return unknown ? { outcome: 'unknown', why: unknown.unknown } : { outcome: 'accepted' };
}

export function placeOf(directive: Directive): Place {
  return { file: directive.file, span: { line: directive.line.number, column: directive.keywordRange.start + 1, endColumn: directive.line.text.length + 1 } };
}

export function relatedTo(directive: Directive, message: string): RelatedLocation {
  return { file: directive.file, line: directive.line.number, column: directive.keywordRange.start + 1, message };
}

export function label(setting: Setting): string {
  return `\`${written(setting.directive)}\` (${where(setting.directive)})`;
}

export function cause(family: CauseFamily, setting: Setting, reason: string, error: string, fix: string, more: readonly Setting[] = []): Cause {
  return { family, at: placeOf(setting.directive), reason, error, fix, chain: more.map((s) => relatedTo(s.directive, written(s.directive))) };
}

function defaultOf(keyword: string, release: string): string | undefined {
  return isRelease(release) ? (sshdKeyword(keyword, release)?.default ?? undefined) : undefined;
}

/**
 * Judges a keyword over every value it may have for the user: refused only when every
 * candidate refuses (the first cause is reported), ok when every one accepts.
 */
export function across(view: UserSettings, release: string, keyword: string, judge: (values: string[], setting: Setting | undefined) => Check): Check {
  const checks = view.candidates(keyword).map((setting) => {
    const values = setting ? setting.values : (defaultOf(keyword, release) ?? '').split(' ').filter((v) => v !== '');
    return judge(values, setting);
  });
  if (checks.every(isCause)) return checks[0]!;
  if (checks.every((check) => check === 'ok')) return 'ok';
  return { unknown: `${keyword} may differ for ${view.user} depending on the connection` };
}
