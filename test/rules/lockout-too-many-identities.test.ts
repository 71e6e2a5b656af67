/**
 * SSH707 lockout-too-many-identities on small repositories: claimed only when the identity list,
 * the server and every key's verdict are certain. The real-sshd proof is
 * test/oracle/lockout.oracle.test.ts (fixtures with a `client`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVersion } from '../../src/core/version.js';
import { DEFAULT_POLICY, type RuleContext } from '../../src/rules/rule.js';
import { lintRepository } from '../lockout/lint-repository.js';
import type { SetupSpec } from '../oracle/lockout-fixtures.js';

const CONTEXT: RuleContext = { version: parseVersion('9.2')!, policy: DEFAULT_POLICY, now: Date.UTC(2026, 0, 1) / 1000 };
const root = mkdtempSync(join(tmpdir(), 'sshlint-identities-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Eight fresh Ed25519 keys (never committed): k1 … k8. */
const KEYS = Array.from({ length: 8 }, (_, i) => {
  const file = join(root, `k${i + 1}`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `k${i + 1}`, '-f', file]);
  return { private: readFileSync(file, 'utf8'), public: readFileSync(`${file}.pub`, 'utf8').trim() };
});

const SSHD = 'etc/ssh/sshd_config';
const CONFIG = 'home/deploy/.ssh/config';
const PLAIN = 'PasswordAuthentication no\nKbdInteractiveAuthentication no\n';

/** deploy's machine: authorized_keys holds `accepted`; the private keys are in ~/.ssh; the config lists `offered` in order. */
function machine(offered: number[], accepted: number, options: { sshd?: string; block?: string; pubs?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = {
    [SSHD]: options.sshd ?? PLAIN,
    'home/deploy/.ssh/authorized_keys': `${KEYS[accepted - 1]!.public}\n`,
    [CONFIG]: `Host self\n${options.block ?? '    HostName 127.0.0.1\n    IdentitiesOnly yes\n    IdentityAgent none\n'}${offered.map((n) => `    IdentityFile ~/.ssh/k${n}\n`).join('')}`,
  };
  for (const n of offered) files[`home/deploy/.ssh/k${n}`] = KEYS[n - 1]!.private;
  return files;
}

let counter = 0;
async function findings(files: Record<string, string>, setups: SetupSpec[] = []): Promise<string[]> {
  const repo = join(root, String(counter++));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const { findings } = await lintRepository(repo, files, setups, CONTEXT);
  return findings.filter((f) => f.ruleId === 'SSH707').map((f) => `${f.file}:${f.line} ${f.message}`);
}

const SEVEN = [1, 2, 3, 4, 5, 6, 7];

describe('lockout-too-many-identities', () => {
  it('reports the accepted key offered after six refused ones', async () => {
    const found = await findings(machine(SEVEN, 7));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^home\/deploy\/\.ssh\/config:11 /);
    expect(found[0]).toContain('the 6 identities before it are refused, and MaxAuthTries (6 by default)');
    expect(found[0]).toContain('"Too many authentication failures"');
    expect(found[0]).not.toMatch(/AAAA|PRIVATE/);
  });

  it('counts down from a MaxAuthTries line, and from a Match block for the user', async () => {
    expect(await findings(machine([1, 2, 3, 4], 4, { sshd: `${PLAIN}MaxAuthTries 3\n` }))).toEqual([expect.stringContaining('`MaxAuthTries 3` (etc/ssh/sshd_config:3)')]);
    expect(await findings(machine([1, 2, 3, 4], 4, { sshd: `${PLAIN}Match User deploy\n    MaxAuthTries 3\n` }))).toHaveLength(1);
  });

  it('reads the public key from the .pub beside a PEM key', async () => {
    const files = machine(SEVEN, 7);
    const pem = join(root, 'pem');
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '', '-f', pem]);
    files['home/deploy/.ssh/k1'] = readFileSync(pem, 'utf8');
    expect(await findings(files)).toEqual([]);
    files['home/deploy/.ssh/k1.pub'] = readFileSync(`${pem}.pub`, 'utf8');
    expect(await findings(files)).toHaveLength(1);
  });

  const valid: { name: string; files: Record<string, string>; setups?: SetupSpec[] }[] = [
    { name: 'the key within the limit (sixth)', files: machine([1, 2, 3, 4, 5, 7], 7) },
    { name: 'the accepted key first', files: machine([7, 1, 2, 3, 4, 5, 6], 7) },
    { name: 'no key accepted at all (other rules)', files: machine(SEVEN, 8) },
    { name: 'a Match block raises the limit for deploy', files: machine(SEVEN, 7, { sshd: `${PLAIN}Match User deploy\n    MaxAuthTries 10\n` }) },
    { name: 'a Match block on the address may change the limit', files: machine([1, 2, 3, 4], 4, { sshd: `${PLAIN}MaxAuthTries 3\nMatch Address 10.0.0.0/8\n    MaxAuthTries 10\n` }) },
    { name: 'agent possible: no IdentityAgent none', files: machine(SEVEN, 7, { block: '    HostName 127.0.0.1\n    IdentitiesOnly yes\n' }) },
    { name: 'agent keys offered: no IdentitiesOnly', files: machine(SEVEN, 7, { block: '    HostName 127.0.0.1\n    IdentityAgent none\n' }) },
    { name: 'no certain server: a remote HostName', files: machine(SEVEN, 7, { block: '    HostName build.example.com\n    IdentitiesOnly yes\n    IdentityAgent none\n' }) },
    { name: 'no certain server: sshd listens on another port', files: machine(SEVEN, 7, { sshd: `${PLAIN}Port 2222\n` }) },
    { name: 'a certificate may be offered first', files: machine(SEVEN, 7, { block: '    HostName 127.0.0.1\n    IdentitiesOnly yes\n    IdentityAgent none\n    CertificateFile ~/.ssh/cert.pub\n' }) },
    { name: 'AuthorizedKeysCommand may accept an earlier key', files: machine(SEVEN, 7, { sshd: `${PLAIN}AuthorizedKeysCommand /usr/bin/keys %u\nAuthorizedKeysCommandUser nobody\n` }) },
    { name: 'GSSAPI may let deploy in first', files: machine(SEVEN, 7, { sshd: `${PLAIN}GSSAPIAuthentication yes\n` }) },
  ];
  for (const { name, files, setups } of valid) it(`valid: ${name}`, async () => expect(await findings(files, setups)).toEqual([]));

  it('valid: an unknown identity (a file the repository does not hold)', async () => {
    const files = machine(SEVEN, 7);
    delete files['home/deploy/.ssh/k3'];
    expect(await findings(files)).toEqual([]);
  });

  it('valid: no sshd configuration for the machine', async () => {
    const files = machine(SEVEN, 7);
    delete files[SSHD];
    expect(await findings(files)).toEqual([]);
  });

  it('valid: setup code installs other keys for deploy', async () => {
    const files = { ...machine(SEVEN, 7), 'setup.sh': 'install keys\n', 'keys/deploy.pub': `${KEYS[0]!.public}\n` };
    expect(await findings(files, [{ file: 'setup.sh', installations: [{ user: 'deploy', keysFile: 'keys/deploy.pub', line: 1 }] }])).toEqual([]);
  });
});
