import rule from '../../src/rules/authorized-keys/no-usable-keys.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [
    { name: 'one key', text: `${KEYS.ed25519}\n` },
    { name: 'comments, a broken line and a key', text: `# team\nssh-ed25519 AAAA broken\n${KEYS.rsa2048} bob\n` },
    { name: 'only a CA line', text: `cert-authority ${KEYS.ca}\n` },
  ],
  invalid: [
    { name: 'empty file', text: '', hits: [{ line: 1, column: 1, endColumn: 1, message: 'no key at all' }] },
    { name: 'blank lines only', text: '\n\n', hits: [{ line: 1, message: 'no key at all' }] },
    { name: 'comments only', text: '# deploy keys go here\n#\n', hits: [{ line: 1, column: 1, endColumn: 22, message: 'no key at all' }] },
    { name: 'one broken line', text: `# keys\nssh-ed25519 AAAA alice\n`, hits: [{ line: 1, message: 'the only non-comment line' }] },
    { name: 'every line skipped', text: `no-pty, no-agent-forwarding ${KEYS.ed25519}\nSSH-RSA AAAA\n`, hits: [{ line: 1, message: 'all 2 non-comment lines' }] },
  ],
});
