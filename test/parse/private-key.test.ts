import { describe, expect, it } from 'vitest';
import { findPrivateKeys } from '../../src/parse/private-key.js';
import { generatedKey, generatedKeys } from '../fixtures/private-keys.js';

describe('findPrivateKeys on keys the real tools wrote', () => {
  it.each(generatedKeys().map((key) => [key.name, key] as const))('%s', (_name, key) => {
    const found = findPrivateKeys(key.text);
    const lines = key.text.trimEnd().split('\n');
    expect(found).toHaveLength(1);
    const [block] = found;
    expect(block).toMatchObject({ format: key.format, encryption: { encrypted: key.encrypted }, line: 1, column: 1, endLine: lines.length, endColumn: lines.at(-1)!.length + 1 });
    // What only the passphrase would reveal is not claimed.
    const knowable = !key.encrypted || key.format === 'openssh' || key.format.startsWith('putty');
    if (key.fingerprint && knowable) expect(block).toMatchObject({ type: key.type, bits: key.bits, fingerprint: key.fingerprint });
    if (!knowable) expect(block!.fingerprint).toBeUndefined();
  });
});

describe('findPrivateKeys in other files', () => {
  const ed = () => generatedKey('openssh-ed25519');
  const body = (name: string) => generatedKey(name).text.trimEnd().split('\n');

  it('finds a key indented in a YAML block scalar, at the marker', () => {
    const yaml = `deploy:\n  key: |\n${body('openssh-ed25519').map((line) => `    ${line}`).join('\n')}\n  user: ci\n`;
    expect(findPrivateKeys(yaml)).toMatchObject([{ format: 'openssh', line: 3, column: 5, endLine: 2 + body('openssh-ed25519').length, fingerprint: ed().fingerprint }]);
  });

  it('finds a key in a one-line JSON string with \\n escapes (Terraform state)', () => {
    const json = JSON.stringify({ resources: [{ private_key_pem: generatedKey('pem-rsa').text }] });
    const [block] = findPrivateKeys(json);
    expect(block).toMatchObject({ format: 'pem-rsa', line: 1, endLine: 1, fingerprint: generatedKey('pem-rsa').fingerprint });
    expect(json.slice(block!.column - 1, block!.endColumn - 1)).toMatch(/^-----BEGIN RSA PRIVATE KEY-----.*-----END RSA PRIVATE KEY-----$/);
  });

  it('finds keys quoted in .env and shell, and several per file', () => {
    const text = `A=1\nSSH_KEY="${generatedKey('pem-ec521').text.trimEnd()}"\ncat > id <<'EOF'\n${ed().text}EOF\n`;
    expect(findPrivateKeys(text).map((block) => [block.format, block.line, block.column])).toEqual([
      ['pem-ec', 2, 10],
      ['openssh', 3 + body('pem-ec521').length, 1],
    ]);
  });

  it('finds a key whose line breaks became spaces, and one commented out', () => {
    const spaced = body('pkcs8-ec').join(' ');
    const commented = body('pem-rsa').map((line) => `# ${line}`).join('\n');
    expect(findPrivateKeys(`${spaced}\n${commented}\n`).map((block) => block.format)).toEqual(['pkcs8', 'pem-rsa']);
  });

  it('finds a PuTTY key in YAML', () => {
    const ppk = generatedKeys().find((key) => key.name === 'putty3-ed25519');
    if (!ppk) return;
    const yaml = `ppk: |\n${ppk.text.trimEnd().split('\n').map((line) => `  ${line}`).join('\n')}\nnext: 1\n`;
    expect(findPrivateKeys(yaml)).toMatchObject([{ format: 'putty-v3', line: 2, column: 3, endLine: ppk.text.trimEnd().split('\n').length + 1 }]);
  });

  it.each([
    ['an ellipsis', '-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n'],
    ['an escaped ellipsis', '"-----BEGIN OPENSSH PRIVATE KEY-----\\n...\\n-----END OPENSSH PRIVATE KEY-----"'],
    ['a Jinja variable', '-----BEGIN RSA PRIVATE KEY-----\n{{ vault_deploy_key }}\n-----END RSA PRIVATE KEY-----\n'],
    ['a shell variable', '-----BEGIN OPENSSH PRIVATE KEY-----\n${SSH_KEY}\n-----END OPENSSH PRIVATE KEY-----\n'],
    ['no END marker', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n'],
    ['a truncated OpenSSH header', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n'],
    ['a marker in code', "if (line.startsWith('-----BEGIN RSA PRIVATE KEY-----')) return '-----END RSA PRIVATE KEY-----';\n"],
    ['a PuTTY header alone', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: <your key>\n'],
    ['a PuTTY file with placeholder bodies', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x\nPublic-Lines: 2\nAAAA\nAAAA\nPrivate-Lines: 1\nAAAA\nPrivate-MAC: 00\n'],
    // Shapes seen in public repositories: code that writes keys, redaction tests, .env samples, docs.
    ['a key writer', "return '-----BEGIN OPENSSH PRIVATE KEY-----\\n${lines.join('\\n')}\\n-----END OPENSSH PRIVATE KEY-----\\n';\n"],
    ['a test stub', '"-----BEGIN OPENSSH PRIVATE KEY-----\\n"\n"host-key-options-test\\n"\n"-----END OPENSSH PRIVATE KEY-----\\n",\n'],
    ['a redaction sample', '$log = "-----BEGIN OPENSSH PRIVATE KEY-----\\nNEVER-PEM\\n-----END OPENSSH PRIVATE KEY-----\\n";\n'],
    ['short fake bodies', '["-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA1234\\n-----END RSA PRIVATE KEY-----"], ["-----BEGIN PRIVATE KEY-----\\nABCDEF\\n-----END PRIVATE KEY-----"]\n'],
    ['one real-looking line', '"-----BEGIN RSA PRIVATE KEY-----\\n"\n"MIIEowIBAAKCAQEA0Z3VS5JJcds3xHn/ygWep4P5cECo\\n"\n"-----END RSA PRIVATE KEY-----"\n'],
    ['a .env sample', 'ssh_key = "-----BEGIN RSA PRIVATE KEY-----\\n YOUR KEY GOES HERE \\n-----END RSA PRIVATE KEY-----"\n'],
    ['a repeated prefix', "const pem = `-----BEGIN RSA PRIVATE KEY-----\\n${'MIIEowIBAAKCAQEA'.repeat(4)}\\n-----END RSA PRIVATE KEY-----`;\n"],
    ['a JSON sample with an ellipsis', '"private_key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQ...\\n-----END RSA PRIVATE KEY-----\\n",\n'],
  ])('says nothing about %s', (_name, text) => {
    expect(findPrivateKeys(text)).toEqual([]);
  });

  it('says nothing about a real key with its middle cut out', () => {
    const lines = body('pem-rsa');
    expect(findPrivateKeys([...lines.slice(0, 3), '...', ...lines.slice(-2)].join('\n'))).toEqual([]);
  });
});
