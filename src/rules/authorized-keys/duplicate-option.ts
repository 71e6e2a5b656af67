import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule } from '../rule.js';
import { optionErrorHits } from './option-errors.js';

export default defineKeyFileRule({
  id: 'SSH133',
  alias: 'duplicate-key-option',
  kinds: ['authorized_keys'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: '`command=`, `from=` or `principals=` given twice on one key.',
    what: 'These three options may appear only once per key. Several `from=` patterns go into one comma-separated list; `environment=`, `permitopen=` and `permitlisten=` are the options that may repeat.',
    why: 'sshd fails with `multiple "from" clauses` (or command/principals) and skips the key silently.',
    bad: `from="10.0.0.0/8",from="192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    good: `from="10.0.0.0/8,192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    references: ['OpenSSH auth-options.c sshauthopt_parse()'],
  },
  check(model) {
    return optionErrorHits(model, ['multiple-clauses'], (_code, option) => `Give ${option ?? 'the option'}= once; put several patterns in one comma-separated list.`);
  },
});
