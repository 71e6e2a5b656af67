import { defineConfigRule, directiveHit, relatedDirective, type RuleHit } from '../rule.js';
import { effectiveConfig, firstValue, isOff, type Setting } from '../../parse/config/effective-config.js';
import { expandTilde, isOwnHome } from '../../lockout/expand-path.js';
import { scopeLabel, viaLabel } from './setting-text.js';

/** Set to something other than `none`. */
function isSet(setting: Setting | undefined): setting is Setting {
  return setting !== undefined && firstValue(setting) !== 'none' && firstValue(setting) !== '';
}

export default defineConfigRule({
  id: 'SSH450',
  alias: 'authorized-keys-file-tilde',
  kinds: ['sshd_config'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: '`AuthorizedKeysFile ~/…` points every user at root\'s file; `AuthorizedKeysFile none` with nothing else to find keys.',
    what: 'The `AuthorizedKeysFile` line that takes effect (top level or a Match block) has an argument starting with `~/` (or `~` alone), or is `none` while PubkeyAuthentication is on there and neither `AuthorizedKeysCommand` nor `TrustedUserCAKeys` provides keys. `~user/…` names one account on purpose and is not reported. Where the repository installs keys the `~` stops sshd from reading, lockout-keys-not-read (SSH702) reports the line instead, naming whose keys.',
    why: 'sshd expands `~` when it reads the configuration, with the uid it runs as (servconf.c: `tilde_expand_filename(arg, getuid())`), not when a user logs in: `~/.ssh/authorized_keys` becomes `/root/.ssh/authorized_keys` for every user (`sshd -T` shows it, tested with 9.2p1). Users\' own files are never read, so their keys stop working — and whoever is in root\'s file can log in as anyone allowed. Relative paths are taken from the user\'s home, and `%h` expands per user, which is what `~` was meant to do. `none` makes sshd read no file at all: without an AuthorizedKeysCommand or a TrustedUserCAKeys for certificates, no key can log in.',
    bad: 'AuthorizedKeysFile ~/.ssh/authorized_keys',
    good: 'AuthorizedKeysFile .ssh/authorized_keys',
    references: [
      'sshd_config(5) AuthorizedKeysFile (TOKENS: %h, %u, %U, %%)',
      'OpenSSH servconf.c case sAuthorizedKeysFile (tilde_expand_filename with getuid())',
      'tested with OpenSSH 9.2p1: sshd -T prints /root/.ssh/authorized_keys',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    for (const setting of config.winners('AuthorizedKeysFile')) {
      const scope = setting.scope.block ? ` (${scopeLabel(setting.scope)})` : '';
      for (const arg of setting.directive.args) {
        if (!isOwnHome(arg.value)) continue;
        const expanded = expandTilde(arg.value, 'root');
        const relative = arg.value.slice(2) || '.ssh/authorized_keys';
        hits.push(
          directiveHit(
            setting.directive,
            `sshd expands '~' once, when it reads its configuration, as root: '${arg.value}' becomes '${expanded}' for every user${scope}${viaLabel(setting)}, so users' own keys are never read and root's file lets its keys log in as anyone.`,
            `Write a path relative to the home directory (\`${relative}\`) or use \`%h/${relative}\`.`,
            arg.range,
          ),
        );
      }
      if (setting.values.length === 1 && firstValue(setting) === 'none') {
        if (isOff(config.in('PubkeyAuthentication', setting.scope))) continue;
        const command = config.in('AuthorizedKeysCommand', setting.scope);
        const cas = config.in('TrustedUserCAKeys', setting.scope);
        if (isSet(command) || isSet(cas)) continue;
        const pubkey = config.in('PubkeyAuthentication', setting.scope);
        hits.push(
          directiveHit(
            setting.directive,
            `AuthorizedKeysFile none${scope}${viaLabel(setting)}: sshd reads no authorized_keys file, and with no AuthorizedKeysCommand or TrustedUserCAKeys nobody can log in with a key although PubkeyAuthentication is on.`,
            'Name the file (`AuthorizedKeysFile .ssh/authorized_keys`), or provide keys with AuthorizedKeysCommand or certificates with TrustedUserCAKeys.',
            setting.directive.args[0]!.range,
            pubkey ? [relatedDirective(pubkey.directive, 'public-key authentication is on here')] : [],
          ),
        );
      }
    }
    return hits;
  },
});
