import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import { NEWEST_KNOWN_VERSION } from '../../src/core/version.js';
import type { KeyFileKind, KeyFileModel } from '../../src/parse/key-file-model.js';
import type { KeyOption } from '../../src/parse/key-options.js';
import rule from '../../src/rules/key-files/experimental-key-type.js';
import { DEFAULT_POLICY } from '../../src/rules/rule.js';
import { decodeKeyBlob, keyTypeByName, WireWriter } from '../../src/ssh/index.js';
import { KEYS } from '../fixtures/keys.js';
import { TEST_NOW, ruleTable } from './rule-tester.js';

const NAME = 'ssh-mldsa44-ed25519@openssh.com';
const blob = new WireWriter().string(NAME).string(new Uint8Array(randomBytes(1344))).bytes();
const base64 = Buffer.from(blob).toString('base64');
const MLDSA = `${NAME} ${base64}`;

ruleTable(rule, {
  valid: [
    { name: 'ed25519', text: `${KEYS.ed25519}\n` },
    { name: 'before 10.4 the line does not parse (unknown-key-type)', version: '10.3', text: `${MLDSA} pq@laptop\n` },
  ],
  invalid: [],
});

/**
 * The parser decodes blobs as OpenSSH 9.2 (read-key.ts does not pass the target version to
 * decodeKeyBlob), so an ML-DSA line never parses yet; these cases build the parsed line the
 * fixed parser will produce for OpenSSH 10.4+.
 */
function parsedModel(kind: KeyFileKind, prefix: string, options: KeyOption[] = []): KeyFileModel {
  const decoded = decodeKeyBlob(blob, { openssh: '10.5' });
  if (!decoded.ok) throw new Error(decoded.error.message);
  const text = `${prefix}${MLDSA} pq@laptop`;
  const source = createSourceFile(`test-${kind}`, `${text}\n`);
  const typeStart = prefix.length;
  const base64Start = typeStart + NAME.length + 1;
  const key = {
    typeName: NAME,
    typeRange: { start: typeStart, end: typeStart + NAME.length },
    typeInfo: keyTypeByName(NAME)!,
    base64,
    base64Range: { start: base64Start, end: base64Start + base64.length },
    blob,
    key: decoded.key,
    comment: 'pq@laptop',
    commentRange: { start: text.length - 9, end: text.length },
  };
  const knownHosts = kind === 'known_hosts' ? { hosts: { text: prefix.trim(), range: { start: 0, end: prefix.trim().length } } } : undefined;
  return { kind, source, lines: [{ status: 'parsed', entry: { key, options, ...(knownHosts ? { knownHosts } : {}) }, line: source.lines[0]! }], blocks: [] };
}

const check = (model: KeyFileModel) => rule.check(model, { version: NEWEST_KNOWN_VERSION, policy: DEFAULT_POLICY, now: TEST_NOW });

describe('SSH113 on parsed ML-DSA lines', () => {
  it('reports an authorized key', () => {
    const hits = check(parsedModel('authorized_keys', ''));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ line: 1, column: 1, endColumn: NAME.length + 1 });
    expect(hits[0]!.message).toContain('PubkeyAcceptedAlgorithms');
    expect(hits[0]!.help).toContain('+ssh-mldsa44-ed25519@openssh.com');
  });

  it('names CASignatureAlgorithms on a cert-authority line', () => {
    const option: KeyOption = { name: 'cert-authority', negated: false, range: { start: 0, end: 14 } };
    const hits = check(parsedModel('authorized_keys', 'cert-authority ', [option]));
    expect(hits[0]).toMatchObject({ column: 16 });
    expect(hits[0]!.message).toContain('CASignatureAlgorithms');
  });

  it('names HostKeyAlgorithms in known_hosts', () => {
    const hits = check(parsedModel('known_hosts', 'pq.example.com '));
    expect(hits[0]!.message).toContain('HostKeyAlgorithms');
  });
});
