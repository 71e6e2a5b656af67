import { defineConfigRule, directiveHit, relatedDirective, type RuleHit } from '../rule.js';
import { effectiveConfig, type DeadSetting } from '../../parse/config/effective-config.js';
import { scopeLabel, where, written } from './setting-text.js';

function sameValue(dead: DeadSetting): boolean {
  const a = dead.setting.values.join(' ');
  const b = dead.winner.values.join(' ');
  return a === b || a.toLowerCase() === b.toLowerCase();
}

function explain(dead: DeadSetting, sshd: boolean): string {
  const { setting, winner } = dead;
  const at = `\`${written(winner.directive)}\` at ${where(winner.directive)}`;
  const program = sshd ? 'sshd' : 'ssh';
  const alias = winner.directive.keyword.toLowerCase() !== setting.directive.keyword.toLowerCase() ? ` (${winner.directive.keyword} and ${setting.directive.keyword} set the same option)` : '';
  const include = winner.directive.file !== setting.directive.file && winner.entry.via.length > setting.entry.via.length ? ' — the Include that brings it in comes first' : '';
  switch (dead.reason) {
    case 'same-scope':
      return sameValue(dead)
        ? `${setting.keyword} is already set to the same value by ${at}${include}; this repeated line does nothing.`
        : `${setting.keyword} is already set by ${at}${include}${alias}; ${program} keeps the first value it reads, so this line never takes effect.`;
    case 'earlier-covering':
      return sshd
        ? `${setting.keyword} is already set by ${at}${alias}, in ${scopeLabel(winner.scope)}, which matches every connection and comes first; the first matching block wins, so this line never takes effect.`
        : `${setting.keyword} is already set by ${at}${alias}, which applies to every host and comes first; ssh keeps the first value it obtains, so this line never takes effect.`;
    case 'overridden-by-match':
      return `${setting.keyword} is replaced for every connection by ${at}, in ${scopeLabel(winner.scope)}: values from a matching Match block override the top level, so this line never takes effect.`;
  }
}

function help(dead: DeadSetting, sshd: boolean): string {
  if (sameValue(dead)) return 'Remove the repeated line.';
  if (dead.reason === 'earlier-covering' && !sshd) return 'Put host-specific blocks before `Host *` (ssh_config(5): "more host-specific declarations should be given near the beginning of the file, and general defaults at the end"), or remove one of the lines.';
  if (dead.reason === 'overridden-by-match') return 'Remove one of the two lines: keep the value you want in one place.';
  return 'Remove one of the lines, keeping the value you mean; to change a value set by a drop-in, edit the drop-in (the first file read wins).';
}

export default defineConfigRule({
  id: 'SSH453',
  alias: 'dead-directive',
  kinds: ['sshd_config', 'ssh_config'],
  category: 'hygiene',
  severity: 'warning',
  docs: {
    summary: 'A keyword set again where an earlier line already set it: the later line never takes effect.',
    what:
      'For single-valued keywords (the keyword tables say which; AllowUsers, AcceptEnv, HostKey, IdentityFile and other appending keywords are never reported), a line that loses to an earlier one: ' +
      'sshd — a second line in the same scope (the top level, or Match blocks with the same criteria), including across Includes (a drop-in included at the top of sshd_config wins over the main file, and among drop-ins the lexically first wins), a line in a Match block after a block that matches every connection (`Match all`, `Match User *`) set it, and a top-level line that such a block replaces; a repeated `Subsystem` name from 9.5 (before 9.5 it is fatal and reported as malformed). ' +
      'ssh — a line after one that applies to every host (top level, `Host *`, `Match all`), whatever block it is in, or a second line in blocks with the same patterns. Aliases count as the same keyword (`ChallengeResponseAuthentication` and `KbdInteractiveAuthentication`). The message names the winning line. A line that repeats the winning value is only reported when it is repeated in the same file and scope: files that agree (Ubuntu\'s `50-cloud-init.conf` and `60-cloudimg-settings.conf` both saying `PasswordAuthentication no`) or a block restating the value for every host change nothing.',
    why: 'OpenSSH keeps the first value it obtains and ignores the rest without a word (servconf.c: `if (*activep && *intptr == -1)`, readconf.c likewise), and `sshd -t` accepts it. The later line is usually the one someone added on purpose — a hardening line appended to sshd_config after a drop-in already set the opposite, cloud-init\'s `50-cloud-init.conf` beating `99-hardening.conf` — so the change silently does nothing. In ssh_config the same rule is why `Host *` belongs at the end: settings for specific hosts after it are never used (ssh_config(5)). A repeated identical line is harmless but misleading.',
    bad: 'PermitRootLogin no\nPasswordAuthentication no\nPermitRootLogin yes',
    good: 'PermitRootLogin no\nPasswordAuthentication no',
    references: [
      'sshd_config(5) ("the first obtained value will be used"); ssh_config(5) ("the first obtained value will be used")',
      'OpenSSH servconf.c parse_server_config_depth(), parse_server_match_config(); readconf.c process_config_line_depth()',
      'ssh-knowledge §a.1, §f row 21 (drop-in order)',
    ],
  },
  checkConfig(analysis, context) {
    const sshd = analysis.kind === 'sshd_config';
    return effectiveConfig(analysis, context)
      .dead.filter((dead) => !sameValue(dead) || (dead.reason === 'same-scope' && dead.setting.directive.file === dead.winner.directive.file))
      .sort((a, b) => a.setting.index - b.setting.index)
      .map(
        (dead): RuleHit =>
          directiveHit(dead.setting.directive, explain(dead, sshd), help(dead, sshd), undefined, [relatedDirective(dead.winner.directive, 'this line takes effect instead')]),
      );
  },
});
