/**
 * `malformed` means exactly "OpenSSH skips this line": every line the parser rejects is
 * covered by exactly one malformed finding, and no line OpenSSH reads is. Checked over
 * generated files built from realistic and hostile fragments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import { NEWEST_KNOWN_VERSION, parseVersion } from '../../src/core/version.js';
import { defaultConfig } from '../../src/config/config.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { parseSource } from '../../src/engine/parse-source.js';
import { buildRuleSet } from '../../src/engine/rule-set.js';
import type { KeyFileKind } from '../../src/parse/key-file-model.js';
import { RULES } from '../../src/rules/index.js';
import { DEFAULT_POLICY } from '../../src/rules/rule.js';
import { KEYS, blobOf } from '../fixtures/keys.js';

const keyLines = Object.values(KEYS);
const blobs = keyLines.map(blobOf);
const fragment = fc.oneof(
  fc.constantFrom(...keyLines),
  fc.constantFrom(...blobs).map((b) => b.slice(0, 30)),
  fc.constantFrom(...blobs).map((b) => b.slice(30)),
  fc.constantFrom('ssh-ed25519', 'ssh-rsa', 'SSH-RSA', 'ed25519', 'rsa-sha2-512', 'ssh-dss', 'ecdsa-sha2-nistp256', 'sk-ssh-ed25519@openssh.com'),
  fc.constantFrom('no-pty', 'no-pty,', 'restrict', 'command="ls"', 'command="a b"', 'from="10.0.0.0/8"', 'command=ls', 'expiry-time="2099-12-31"', 'environment="A=1"', 'permitopen="h"', ',', ', ', '"', '\\"', '#', '@revoked', '@cert-authority', '|1|abc|def', 'host.example.com', '*', '[h]:2222'),
  fc.constantFrom(' ', '  ', '\t', ''),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('---- BEGIN SSH2 PUBLIC KEY ----', '---- END SSH2 PUBLIC KEY ----', '-----BEGIN OPENSSH PRIVATE KEY-----', '-----END OPENSSH PRIVATE KEY-----', 'Comment: "x"'),
);
const line = fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join(fc.sample(fc.constantFrom(' ', ''), 1)[0]!));
const file = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  kind: fc.constantFrom<KeyFileKind>('authorized_keys', 'known_hosts', 'public_key'),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  version: fc.constantFrom('7.4', '9.2', '9.9', '10.0', '10.5'),
});

const ruleSet = buildRuleSet(RULES, defaultConfig());

describe('malformed findings correspond one-to-one with lines OpenSSH skips', () => {
  it('holds on generated files', () => {
    fc.assert(
      fc.property(file, ({ lines, kind, bom, crlf, version }) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        const target = parseVersion(version) ?? NEWEST_KNOWN_VERSION;
        const source = createSourceFile('f', text, bom);
        const model = parseSource(source, kind, target)!;
        const findings = lintSource(source, kind, ruleSet, { version: target, policy: DEFAULT_POLICY, now: 0 }).filter((f) => f.category === 'malformed');
        for (const entry of model.lines) {
          const covering = findings.filter((f) => f.line <= entry.line.number && entry.line.number <= (f.endLine ?? f.line));
          if (entry.status === 'rejected') {
            expect(covering, `line ${entry.line.number} ${JSON.stringify(entry.line.text)} (${entry.rejection.code})`).toHaveLength(1);
          } else if (entry.status === 'parsed') {
            expect(covering, `line ${entry.line.number} ${JSON.stringify(entry.line.text)}`).toHaveLength(0);
          }
        }
        for (const finding of findings) {
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(Math.max(1, source.lines.length));
          expect(finding.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
