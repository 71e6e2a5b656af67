import { ED25519_EXAMPLE } from '../examples.js';
import { KNOWN_OPTION_NAMES } from '../../parse/key-options.js';
import { defineKeyFileRule } from '../rule.js';
import { optionErrorHits } from './option-errors.js';

export default defineKeyFileRule({
  id: 'SSH130',
  alias: 'unknown-key-option',
  kinds: ['authorized_keys'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'An authorized_keys option sshd does not know, or a stray character between options.',
    what: `An option name that is not one of ${KNOWN_OPTION_NAMES.length} names sshd accepts (${KNOWN_OPTION_NAMES.join(', ')}), a misspelling such as \`no-port-fowarding\`, a flag given a value (\`restrict=yes\`), or an option list that ends in a comma with nothing after it.`,
    why: 'sshd fails the whole options field ("bad key options: unknown key option") and skips the key, logging only at debug level: the key silently stops working.',
    bad: `no-port-fowarding,no-pty ${ED25519_EXAMPLE} deploy@ci`,
    good: `no-port-forwarding,no-pty ${ED25519_EXAMPLE} deploy@ci`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT', 'OpenSSH auth-options.c sshauthopt_parse()'],
  },
  check(model) {
    return optionErrorHits(model, ['unknown-option', 'end-of-options', 'too-many'], () => 'Use only the options listed in sshd(8), spelt exactly, separated by commas with no spaces.');
  },
});
