import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { effectiveConfig } from '../../parse/config/effective-config.js';
import { viaLabel } from './setting-text.js';

const KEYWORDS = ['AllowUsers', 'DenyUsers', 'AllowGroups', 'DenyGroups'] as const;

export default defineConfigRule({
  id: 'SSH449',
  alias: 'allow-users-commas',
  kinds: ['sshd_config'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: '`AllowUsers alice,bob`: the lists are separated by spaces, so a comma makes one pattern that matches nobody.',
    what: 'An `AllowUsers`, `DenyUsers`, `AllowGroups` or `DenyGroups` argument with a comma in it. For the user lists, only the part before the last `@` counts: in `alice@10.0.0.1,10.0.0.2` the host part is a pattern list, where commas are right.',
    why: 'These keywords take space-separated patterns. sshd hands each whole word to `match_pattern()` (match.c `match_user`, groupaccess.c `ga_match`), which knows `*`, `?` and nothing else, so `alice,bob` only matches a user literally called "alice,bob". `sshd -t` accepts the line. With AllowUsers/AllowGroups this locks out everyone the line was meant to let in ("User alice from … not allowed because not listed in AllowUsers"); with DenyUsers/DenyGroups the users meant to be kept out can still log in.',
    bad: 'AllowUsers alice,bob',
    good: 'AllowUsers alice bob',
    references: ['sshd_config(5) AllowUsers, AllowGroups, DenyUsers, DenyGroups', 'OpenSSH auth.c allowed_user(), match.c match_user(), groupaccess.c ga_match()', 'tested with OpenSSH 9.2p1'],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    const all = KEYWORDS.flatMap((keyword) => config.all(keyword)).sort((a, b) => a.index - b.index);
    for (const setting of all) {
      const keyword = setting.keyword.toLowerCase();
      const users = keyword.endsWith('users');
      const allow = keyword.startsWith('allow');
      for (const arg of setting.directive.args) {
        const at = users ? arg.value.lastIndexOf('@') : -1;
        const name = at >= 0 ? arg.value.slice(0, at) : arg.value;
        if (!name.includes(',')) continue;
        const parts = name.split(',').filter((part) => part !== '');
        const what = users ? 'user' : 'group';
        const effect = allow
          ? `matches no ${what}, so the ${what}s it names (${parts.join(', ')}) are refused unless another pattern lets them in`
          : `matches no ${what}, so ${parts.join(', ')} ${parts.length === 1 ? 'is' : 'are'} not kept out`;
        hits.push(
          directiveHit(
            setting.directive,
            `${setting.directive.keyword} patterns are separated by spaces, not commas: '${arg.value}' is one pattern that ${effect}${viaLabel(setting)}.`,
            `Separate the names with spaces: \`${setting.directive.keyword} ${parts.map((part) => part + (at >= 0 ? arg.value.slice(at) : '')).join(' ')}\`.`,
            arg.range,
          ),
        );
      }
    }
    return hits;
  },
});
