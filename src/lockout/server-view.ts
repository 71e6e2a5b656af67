/**
 * One sshd configuration as it applies to one user's connections: the thin adapter between the
 * lockout analysis and the effective-configuration module (so the analysis does not depend on
 * how that module is organised).
 *
 * sshd keeps the first top-level value of a keyword; for each connection, the first line of a
 * Match block that matches replaces it (servconf.c `parse_server_match_config`,
 * `copy_set_server_options`). A static analysis knows the user but not the client's address,
 * host name or groups, so a block on those may or may not apply: the value is then one of
 * several, and the analysis claims nothing that depends on which.
 */
import { matchPattern } from '../openssh/match.js';
import { effectiveConfig, scopeAppliesToUser, type Applies, type Setting } from '../parse/config/effective-config.js';
import type { ConfigAnalysis, RuleContext } from '../rules/rule.js';

export type { Setting } from '../parse/config/effective-config.js';
export { where, written, viaLabel } from '../rules/config/setting-text.js';

export interface UserSettings {
  user: string;
  analysis: ConfigAnalysis;
  /**
   * The lines that may give `keyword` its value for the user's connections, most likely first;
   * `undefined` stands for the release's default. One entry when the value is certain.
   */
  candidates(keyword: string): (Setting | undefined)[];
  /**
   * The lines of a list keyword (AllowUsers, DenyUsers, …) that apply to the user's connections, in
   * reading order: those of the Match blocks that match, which replace the top-level ones
   * (servconf.c `copy_set_server_options`), else the top-level ones. `undefined` when a block that
   * sets it may or may not match (its criteria depend on the connection).
   */
  lines(keyword: string): Setting[] | undefined;
}

export function settingsFor(analysis: ConfigAnalysis, context: Pick<RuleContext, 'version'>, user: string): UserSettings {
  const config = effectiveConfig(analysis, context);
  return {
    user,
    analysis,
    lines(keyword) {
      const all = config.all(keyword);
      const inBlocks = all.filter((setting) => setting.scope.block !== undefined);
      const applies = inBlocks.map((setting) => scopeAppliesToUser(setting.scope, user));
      if (applies.includes('maybe')) return undefined;
      const matching = inBlocks.filter((_, index) => applies[index] === 'yes');
      return matching.length > 0 ? matching : all.filter((setting) => setting.scope.block === undefined);
    },
    candidates(keyword) {
      const lines = config.all(keyword);
      const found: (Setting | undefined)[] = [];
      for (const setting of lines) {
        if (!setting.scope.block) continue;
        const applies = scopeAppliesToUser(setting.scope, user);
        if (applies === 'no') continue;
        found.push(setting);
        if (applies === 'yes') return found;
      }
      found.push(lines.find((setting) => !setting.scope.block));
      return found;
    },
  };
}

/** `match_user()` for one AllowUsers / DenyUsers pattern: `user` or `user@host`; the host part depends on the client. */
export function userPatternApplies(pattern: string, user: string): Applies {
  const at = pattern.indexOf('@');
  if (at === -1) return matchPattern(user, pattern) ? 'yes' : 'no';
  return matchPattern(user, pattern.slice(0, at)) ? 'maybe' : 'no';
}
