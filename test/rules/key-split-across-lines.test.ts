import rule from '../../src/rules/key-files/key-split-across-lines.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const rsa = blobOf(KEYS.rsa3072);
const ed = blobOf(KEYS.ed25519);

ruleTable(rule, {
  valid: [
    { name: 'one key per line', text: `${KEYS.rsa3072} a\n${KEYS.ed25519} b\n` },
    { name: 'a truncated key followed by another key is not a split', text: `ssh-ed25519 ${ed.slice(0, 30)}\n${KEYS.rsa2048}\n` },
  ],
  invalid: [
    {
      name: 'wrapped at 64 columns, every piece reported',
      text: `ssh-rsa ${rsa.slice(0, 56)}\n${rsa.slice(56, 120)}\n${rsa.slice(120, 184)}\n${rsa.slice(184)} bob@ci\n`,
      hits: [
        { line: 1, message: 'lines 1–4 (this is piece 1 of 4)' },
        { line: 2, message: 'piece 2 of 4' },
        { line: 3 },
        { line: 4, message: 'piece 4 of 4' },
      ],
    },
    { name: 'type on its own line', text: `# alice\nssh-ed25519\n${ed}\n`, hits: [{ line: 2 }, { line: 3 }] },
    { name: 'with options and indentation', text: `no-pty ssh-ed25519 ${ed.slice(0, 20)}\n   ${ed.slice(20)} alice\n`, hits: [{ line: 1 }, { line: 2 }] },
  ],
});
