import rule from '../../src/rules/key-files/key-dsa.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const dsa = `${KEYS.dsa1024} old-laptop`;

ruleTable(rule, {
  valid: [
    { name: 'ed25519', version: '9.2', text: `${KEYS.ed25519}\n` },
    { name: 'RSA and ECDSA', version: '9.2', text: `${KEYS.rsa2048}\n${KEYS.ecdsa256}\n` },
    // From 9.8 the line does not parse at all: unknown-key-type reports it.
    { name: 'DSA on 9.8 (not parsed)', version: '9.8', text: `${dsa}\n` },
    { name: 'DSA on 10.5 (not parsed)', text: `${dsa}\n` },
    { name: 'DSA in a comment', version: '9.2', text: `# ${dsa}\n` },
  ],
  invalid: [
    { name: 'authorized_keys on 9.2', version: '9.2', text: `${dsa}\n`, hits: [{ line: 1, column: 1, endColumn: 8, message: 'sshd 9.2 does not accept ssh-dss by default' }] },
    { name: 'after options, on 7.4', version: '7.4', text: `${KEYS.ed25519}\nno-pty ${dsa}\n`, hits: [{ line: 2, column: 8, endColumn: 15, message: 'PubkeyAcceptedAlgorithms' }] },
    { name: 'last release with DSA', version: '9.7', text: `${dsa}\n`, hits: [{ line: 1, message: '10.0 removes it' }] },
    { name: 'known_hosts host key', version: '9.2', kind: 'known_hosts', text: `oldhost,192.0.2.9 ${KEYS.dsa1024}\n`, hits: [{ line: 1, column: 19, endColumn: 26, message: 'HostKeyAlgorithms' }] },
    { name: 'CA key on 9.2', version: '9.2', text: `cert-authority ${KEYS.dsa1024} old-ca\n`, hits: [{ line: 1, column: 16, message: 'a DSA CA key: OpenSSH 9.2 refuses certificates signed with ssh-dss' }] },
    { name: 'CA key before CASignatureAlgorithms', version: '7.6', text: `cert-authority ${KEYS.dsa1024}\n`, hits: [{ line: 1, message: 'OpenSSH 7.9 and later refuse' }] },
    { name: 'known_hosts @cert-authority', version: '9.2', kind: 'known_hosts', text: `@cert-authority *.example.com ${KEYS.dsa1024}\n`, hits: [{ line: 1, message: 'CASignatureAlgorithms' }] },
    { name: '.pub file', version: '9.2', kind: 'public_key', text: `${dsa}\n`, hits: [{ line: 1, column: 1, message: 'OpenSSH servers have refused ssh-dss' }] },
  ],
});
