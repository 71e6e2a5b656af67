import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/key-files/duplicate-key.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable, runRule } from './rule-tester.js';

const K = `${KEYS.ed25519}`;
const CA = `${KEYS.ca}`;
const keyEnd = (prefix: string) => prefix.length + K.length + 1;

ruleTable(rule, {
  valid: [
    { name: 'different keys', text: `${K} a\n${KEYS.rsa2048} b\n` },
    // sshd falls through to the next line when from= or expiry-time refuses (tested, 9.2p1).
    { name: 'from= first, fallback second', text: `from="10.0.0.0/8" ${K} office\ncommand="/usr/bin/backup" ${K} elsewhere\n` },
    { name: 'expiry-time first', text: `expiry-time="20301231Z" ${K}\nrestrict ${K}\n` },
    { name: 'principals= on the first CA line filters certificates', text: `cert-authority,principals="admins" ${CA}\ncert-authority,restrict ${CA}\n` },
    { name: 'later CA line with its own principals', text: `cert-authority ${CA}\ncert-authority,principals="deploy",command="/bin/deploy" ${CA}\n` },
    { name: 'first CA line with a forced command', text: `cert-authority,command="/bin/a" ${CA}\ncert-authority ${CA}\n` },
    { name: 'a key and the same key as a CA', text: `${CA} ca-admin\ncert-authority ${CA} users-ca\n` },
    { name: 'a certificate and its key (certificate lines never match)', text: `${KEYS.ed25519Cert}\n${K}\n${KEYS.ed25519Cert}\n` },
    { name: 'duplicate inside a comment', text: `${K}\n# ${K}\n` },
    { name: 'known_hosts: same key for different hosts', kind: 'known_hosts', text: `github.com ${K}\n140.82.112.3 ${K}\n` },
    { name: 'known_hosts: plain and @cert-authority', kind: 'known_hosts', text: `*.example.com ${CA}\n@cert-authority *.example.com ${CA}\n` },
  ],
  invalid: [
    { name: 'exact duplicate', text: `${K} alice\n${K} alice\n`, hits: [{ line: 2, column: 1, endColumn: keyEnd(''), message: 'repeats line 1' }] },
    { name: 'same key, different comment', text: `${K} alice@old\n\n${K} alice@new\n`, hits: [{ line: 3, message: 'repeats line 1' }] },
    {
      name: 'stricter options added below an unrestricted line',
      text: `${K} deploy\nrestrict,command="/usr/bin/deploy" ${K} deploy\n`,
      hits: [{ line: 2, column: 36, endColumn: keyEnd('restrict,command="/usr/bin/deploy" '), message: 'options on this line are never used' }],
    },
    { name: 'same from= twice', text: `from="10.0.0.0/8" ${K}\nfrom="10.0.0.0/8" ${K}\n`, hits: [{ line: 2, column: 19 }] },
    { name: 'label spelled differently, same key', text: `ssh-rsa ${blobOf(KEYS.rsa2048)}\nrsa-sha2-512 ${blobOf(KEYS.rsa2048)}\n`, hits: [{ line: 2 }] },
    { name: 'CA line repeated', text: `cert-authority ${CA}\ncert-authority,command="/bin/x" ${CA}\n`, hits: [{ line: 2, message: 'this CA key' }] },
    { name: 'three copies', text: `${K}\n${K}\n${K}\n`, hits: [{ line: 2 }, { line: 3, message: 'line 1' }] },
    { name: 'known_hosts: same hosts twice', kind: 'known_hosts', text: `github.com ${K}\ngithub.com ${K}\n`, hits: [{ line: 2, column: 12, message: 'Line 1 already lists this key' }] },
    { name: 'known_hosts: @cert-authority twice', kind: 'known_hosts', text: `@cert-authority *.example.com ${CA}\n@cert-authority *.example.com ${CA}\n`, hits: [{ line: 2, message: '@cert-authority' }] },
  ],
});

describe('SSH115 related location', () => {
  it('points back at the first line', () => {
    const [hit] = runRule(rule, { text: `# keys\n${K} a\nno-pty ${K} b\n` });
    expect(hit?.related).toEqual([
      { file: 'test-authorized_keys', line: 2, column: 1, endColumn: K.length + 1, message: 'The same key first appears here.' },
    ]);
  });
});
