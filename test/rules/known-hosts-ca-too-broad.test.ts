import rule from '../../src/rules/known-hosts/ca-too-broad.js';
import { CERT_KEYS } from '../fixtures/certificates.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const ca = CERT_KEYS.caEd25519;

ruleTable(rule, {
  valid: [
    { name: 'a domain and its subdomains', text: `@cert-authority *.example.com,example.com ${ca}\n` },
    { name: 'several domains, a port, an IP range', text: `@cert-authority *.example.net,[*.example.org]:2222,10.20.* ${ca}\n` },
    { name: 'private-use names', text: `@cert-authority *.internal,*.corp,*.lan,*.local,*.home.arpa ${ca}\n` },
    { name: 'second-level public suffixes are not known', text: `@cert-authority *.co.uk ${ca}\n` },
    { name: 'a literal partial label before the TLD', text: `@cert-authority web*1.com ${ca}\n` },
    { name: 'ISO user-assigned codes are not country TLDs', text: `@cert-authority *.zz,*.xa ${ca}\n` },
    { name: 'a negated wildcard only narrows the line', text: `@cert-authority *.example.com,!* ${ca}\n` },
    { name: 'trust and revocation by wildcard are not CA trust', text: `* ${KEYS.ed25519}\n@revoked * ${KEYS.ecdsa256}\n` },
    { name: 'hashed field', text: `@cert-authority |1|gzvywNsCMp5CzpCVydM36Kg4ans=|IaqXDh0p7pF7X/dPPWhcGA0U1qM= ${ca}\n` },
  ],
  invalid: [
    { name: 'every host', text: `@cert-authority * ${ca}\n`, hits: [{ line: 1, column: 17, endColumn: 18, message: 'every host name' }] },
    { name: 'every dotted name', text: `@cert-authority *.* ${ca}\n`, hits: [{ line: 1, message: 'every host name' }] },
    { name: 'every host with exceptions', text: `@cert-authority *,!*.untrusted.example ${ca}\n`, hits: [{ line: 1, column: 17, endColumn: 18 }] },
    { name: 'every host on a port', text: `@cert-authority [*]:2222 ${ca}\n`, hits: [{ line: 1, message: 'every host name' }] },
    { name: 'a generic TLD', text: `@cert-authority *.example.com,*.com ${ca}\n`, hits: [{ line: 1, column: 31, endColumn: 36, message: 'under .com' }] },
    { name: 'a country TLD, upper case', text: `@cert-authority *.DE ${ca}\n`, hits: [{ line: 1, message: 'under .de' }] },
    { name: 'no dot before the TLD', text: `@cert-authority *net ${ca}\n`, hits: [{ line: 1, message: 'under .net' }] },
    { name: 'a prefix and then only the TLD', text: `@cert-authority web*.io ${ca}\n`, hits: [{ line: 1, message: 'under .io' }] },
    { name: 'two broad patterns', text: `@cert-authority *.org,*.dev ${ca}\n`, hits: [{ line: 1, column: 17 }, { line: 1, column: 23 }] },
  ],
});
