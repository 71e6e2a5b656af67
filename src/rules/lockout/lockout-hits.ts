/**
 * Shared by the lockout rules: the refused logins of one cause family as findings, one per
 * causing line and user, worded like the diagnosis an engineer would write after `ssh -vvv`
 * and the server's log: who, why (the chain of lines), what they see, and the fix.
 */
import type { RelatedLocation } from '../../core/finding.js';
import { analyseLogins, describeKey, type CauseFamily, type KeyLogin } from '../../lockout/logins.js';
import { groupBy } from '../../core/collections.js';
import { firstValue } from '../../parse/config/effective-config.js';
import { settingsFor } from '../../lockout/server-view.js';
import type { RepositoryModel } from '../../repository/repository-model.js';
import type { RepositoryHit, RuleContext } from '../rule.js';

function at(login: KeyLogin): string {
  return `${login.keyAt.file}:${login.keyAt.span.line}`;
}

/** "deploy's ssh-rsa 1024-bit key (home/deploy/.ssh/authorized_keys:3)" or "deploy's 2 keys (…, …)". */
function whose(user: string, logins: readonly KeyLogin[]): string {
  if (logins.length === 1) return `${user}'s ${describeKey(logins[0]!.entry)} (${at(logins[0]!)})`;
  return `${user}'s ${logins.length} keys (${logins.map(at).join(', ')})`;
}

/**
 * What is left for the user on that machine: still in with another key, or locked out — claimed
 * only when the whole repository was scanned and nothing it cannot judge may let them in: keys
 * from a variable or template, an AuthorizedKeysCommand, or a password (PasswordAuthentication is
 * on unless a line turns it off).
 */
function consequence(user: string, refused: readonly KeyLogin[], all: readonly KeyLogin[], model: RepositoryModel, context: RuleContext): string {
  const source = refused[0]!.source;
  const refusedHere = new Set(refused);
  const mine = all.filter((login) => login.user === user && login.source.server === source.server && !refusedHere.has(login));
  const working = mine.filter((login) => login.verdict.outcome === 'accepted');
  if (working.length > 0) return ` ${user} can still log in with ${working.map(at).join(', ')}.`;
  if (!mine.every((login) => login.verdict.outcome === 'refused')) return '';
  if (!model.complete) return ` No other key in the files checked works for ${user}; files that were not checked may install more.`;
  const noOtherKey = `No other key the repository installs for ${user} works`;
  if (source.setups.some((setup) => setup.installations.some((installation) => installation.user === user && 'unknown' in installation.keys))) {
    return ` ${noOtherKey}; keys it installs for ${user} from variables or templates could not be checked.`;
  }
  const view = settingsFor(source.server, context, user);
  if (view.candidates('AuthorizedKeysCommand').some((setting) => setting !== undefined && firstValue(setting).toLowerCase() !== 'none')) {
    return ` ${noOtherKey}; sshd may still accept a key that AuthorizedKeysCommand supplies.`;
  }
  if (!view.candidates('PasswordAuthentication').every((setting) => setting !== undefined && firstValue(setting).toLowerCase() === 'no')) {
    return ` ${noOtherKey}: ${user} can only log in with a password, if the account has one.`;
  }
  return ` ${noOtherKey}: ${user} is locked out.`;
}

function keyRelated(login: KeyLogin): RelatedLocation[] {
  const related: RelatedLocation[] = [{ file: login.keyAt.file, ...login.keyAt.span, message: login.entry.key.key.certificate ? `the ${describeKey(login.entry)} ${login.user} presents` : `${login.user}'s ${describeKey(login.entry)}, read from ${login.source.path}` }];
  if (login.source.installedBy) related.push({ file: login.source.installedBy.file, ...login.source.installedBy.span, message: `installs it for ${login.user}` });
  return related;
}

export function lockoutHits(model: RepositoryModel, context: RuleContext, family: CauseFamily): RepositoryHit[] {
  const all = analyseLogins(model, context);
  const refused = all.filter((login) => login.verdict.outcome === 'refused' && login.verdict.cause.family === family && !login.verdict.cause.reportedBy);
  // sshd not starting is one finding for everyone; the others one per user.
  const groups = groupBy(refused, (login) => {
    const place = (login.verdict.outcome === 'refused' && login.verdict.cause.at) || login.keyAt;
    return JSON.stringify([place.file, place.span.line, family === 'sshd-will-not-start' ? '' : login.user]);
  });
  return [...groups.values()].map((logins) => {
    const first = logins[0]!;
    const cause = first.verdict.outcome === 'refused' ? first.verdict.cause : undefined;
    if (!cause) throw new Error('unreachable: only refused logins are grouped');
    const place = cause.at ?? first.keyAt;
    const users = [...new Set(logins.map((login) => login.user))];
    const message =
      family === 'sshd-will-not-start'
        ? `Everyone is locked out of this server: ${cause.reason}, so no key works (${users.map((user) => whose(user, logins.filter((l) => l.user === user))).join('; ')}): ${cause.error}.`
        : `${whose(first.user, logins)} cannot log in: ${cause.reason}; ${cause.error}.${consequence(first.user, logins, all, model, context)}`;
    const related = [...cause.chain, ...(cause.at ? logins.flatMap(keyRelated) : first.source.installedBy ? keyRelated(first).slice(1) : [])];
    const hit: RepositoryHit = { file: place.file, ...place.span, message, help: cause.fix };
    if (related.length > 0) hit.related = related;
    return hit;
  });
}
