import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/known-hosts/conflicting-keys.js';
import { CERT_KEYS, CERTS, HASHED } from '../fixtures/certificates.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable, runRule } from './rule-tester.js';
import { withoutHanging } from '../robustness/hang-guard.js';

const { host, hostNew, hostRsa, hostEcdsa, caEd25519 } = CERT_KEYS;
/** Column just after a key line `key` that starts at column `start`. */
const endOf = (start: number, key: string) => start + key.length;

ruleTable(rule, {
  valid: [
    { name: 'one key per type for a host', text: `web1.example.com ${host}\nweb1.example.com ${hostRsa}\nweb1.example.com ${hostEcdsa}\n` },
    { name: 'ECDSA curves are different key types', text: `web1.example.com ${KEYS.ecdsa256}\nweb1.example.com ${KEYS.ecdsa384}\n` },
    { name: 'the same key twice', text: `web1.example.com ${host}\nweb1.example.com,10.0.0.5 ${host}\n` },
    { name: 'different hosts', text: `web1.example.com ${host}\nweb2.example.com ${hostNew}\n[web1.example.com]:2222 ${hostNew}\n` },
    { name: 'a wildcard overlap is not a literal name', text: `*.example.com ${host}\nweb1.example.com ${hostNew}\n` },
    { name: 'a name the line itself negates', text: `web1.example.com,!web1.example.com ${host}\nweb1.example.com ${hostNew}\n` },
    { name: 'CA rotation: two CA keys for one pattern', text: `@cert-authority *.example.com ${caEd25519}\n@cert-authority *.example.com ${KEYS.ca}\n` },
    { name: 'hashed entries with different salts cannot be compared', text: `${HASHED.web1} ${host}\n|1|GdKJtPAJAvLQCBC6UlehjVMZmE4=|6vS4YC71gY8+GHENkiWiXsNmpFA= ${hostNew}\n` },
    { name: 'a hashed entry for another name', text: `${HASHED.web1Port2222} ${host}\nweb1.example.com ${hostNew}\n` },
    { name: 'revoked for another host', text: `web1.example.com ${host}\n@revoked web2.example.com ${host}\n` },
    { name: 'a revoked old key and a new trusted one', text: `@revoked * ${host}\nweb1.example.com ${hostNew}\n` },
    { name: 'a certificate line is not a trusted key', text: `web1.example.com ${CERTS.host}\n@revoked * ${host}\n` },
  ],
  invalid: [
    {
      name: 'a re-keyed host',
      text: `web1.example.com ${host}\nweb1.example.com ${hostNew}\n`,
      hits: [{ line: 2, column: 18, endColumn: endOf(18, hostNew), message: "'web1.example.com' already has a different ssh-ed25519 key (line 1)" }],
    },
    { name: 'overlapping lists', text: `web1.example.com,10.0.0.5 ${host}\n# re-keyed\n10.0.0.5 ${hostNew}\n`, hits: [{ line: 3, column: 10, message: "'10.0.0.5'" }] },
    { name: 'names compare case-insensitively', text: `WEB1.example.com ${host}\nweb1.Example.COM ${hostNew}\n`, hits: [{ line: 2, message: "'web1.example.com'" }] },
    { name: 'bracketed port entries', text: `[web1.example.com]:2222 ${host}\n[web1.example.com]:2222 ${hostNew}\n`, hits: [{ line: 2, message: "'[web1.example.com]:2222'" }] },
    { name: 'an old hashed entry and a new plain one', text: `${HASHED.web1} ${host}\nweb1.example.com ${hostNew}\n`, hits: [{ line: 2, message: "'web1.example.com'" }] },
    { name: 'the same hashed field twice', text: `${HASHED.web1} ${host}\n${HASHED.web1} ${hostNew}\n`, hits: [{ line: 2, message: 'the same hashed host' }] },
    { name: 'a back-and-forth', text: `web1.example.com ${host}\nweb1.example.com ${hostNew}\nweb1.example.com ${host}\n`, hits: [{ line: 2, message: 'line 1' }, { line: 3, message: 'line 2' }] },
    {
      name: 'trusted, then revoked for the same host',
      text: `web1.example.com ${host}\n@revoked web1.example.com ${host}\n`,
      hits: [{ line: 2, column: 27, endColumn: endOf(27, host), message: 'REVOKED HOST KEY DETECTED' }],
    },
    { name: 'revoked everywhere, then trusted', text: `@revoked * ${host}\nweb1.example.com ${host}\n`, hits: [{ line: 2, message: 'has no effect' }] },
    { name: 'a revoked CA', text: `@cert-authority *.example.com ${caEd25519}\n@revoked * ${caEd25519}\n`, hits: [{ line: 2, message: 'CA key' }] },
    { name: 'revoked by a wildcard that covers the name', text: `web1.example.com ${host}\n@revoked *.example.com ${host}\n`, hits: [{ line: 2 }] },
    { name: 'revoked by hash', text: `web1.example.com ${host}\n@revoked ${HASHED.web1} ${host}\n`, hits: [{ line: 2, message: "'web1.example.com'" }] },
    { name: 'a hashed trusted entry revoked by *', text: `${HASHED.web1} ${host}\n@revoked * ${host}\n`, hits: [{ line: 2 }] },
  ],
});

describe('SSH205 related locations', () => {
  it('points back at every earlier conflicting line', () => {
    const text = `web1.example.com ${host}\nweb1.example.com ${KEYS.ed25519}\nweb1.example.com ${hostNew}\n`;
    const hits = runRule(rule, { text });
    expect(hits.map((h) => h.line)).toEqual([2, 3]);
    expect(hits[1]!.related).toEqual([
      { file: 'test-known_hosts', line: 1, column: 18, endColumn: endOf(18, host), message: "The other ssh-ed25519 key for 'web1.example.com'." },
      { file: 'test-known_hosts', line: 2, column: 18, endColumn: endOf(18, KEYS.ed25519), message: "The other ssh-ed25519 key for 'web1.example.com'." },
    ]);
  });
});

describe('an adversarial known_hosts', () => {
  it('finishes: 30,000 @revoked lines for one key after a line that trusts it, each finding listing at most 20 lines', () => {
    const text = `web1.example.com ${host}\n` + `@revoked web1.example.com ${host}\n`.repeat(30_000);
    const hits = withoutHanging(() => runRule(rule, { text, kind: 'known_hosts' }));
    // Reported until the comparison budget runs out: the first lines, in order.
    expect(hits.length).toBeGreaterThan(1_000);
    expect(hits[0]).toMatchObject({ line: 2, message: expect.stringContaining('REVOKED HOST KEY DETECTED') });
    expect(hits.every((hit) => (hit.related?.length ?? 0) <= 20)).toBe(true);
  });

  it('finishes: 20,000 hashed lines after 20,000 plain ones (an HMAC per pair)', () => {
    const plain = Array.from({ length: 20_000 }, (_, i) => `host${i}.example.com ${host}\n`).join('');
    const hashed = `${HASHED.web1} ${hostNew}\n`.repeat(20_000);
    expect(() => withoutHanging(() => runRule(rule, { text: plain + hashed, kind: 'known_hosts' }))).not.toThrow();
  });
});
