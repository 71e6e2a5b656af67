import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { lintPaths } from '../../src/engine/lint-files.js';
import { KEYS } from '../fixtures/keys.js';

/** A provisioning script that makes deploy's ~/.ssh world-writable, with or without the sshd_config that governs the machine. */
function repository(withSshdConfig: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sshlint-supersedes-'));
  mkdirSync(path.join(root, 'keys'));
  writeFileSync(path.join(root, 'keys/deploy.pub'), `${KEYS.ed25519}\n`);
  writeFileSync(path.join(root, 'provision.sh'), 'cp keys/deploy.pub /home/deploy/.ssh/authorized_keys\nchmod 777 /home/deploy/.ssh\n');
  if (withSshdConfig) {
    mkdirSync(path.join(root, 'etc/ssh'), { recursive: true });
    writeFileSync(path.join(root, 'etc/ssh/sshd_config'), 'PermitRootLogin no\n');
  }
  return root;
}

async function rulesOnChmodLine(root: string): Promise<string[]> {
  const result = await lintPaths(['.'], { cwd: root, config: defaultConfig() });
  return result.findings.filter((finding) => finding.file === 'provision.sh' && finding.line === 2).map((finding) => finding.alias);
}

/** An sshd_config whose `AuthorizedKeysFile ~/…` sshd expands to root's file, with or without deploy's keys in their home. */
function tildeRepository(withKeys: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sshlint-supersedes-'));
  mkdirSync(path.join(root, 'etc/ssh'), { recursive: true });
  writeFileSync(path.join(root, 'etc/ssh/sshd_config'), 'AuthorizedKeysFile ~/.ssh/authorized_keys\n');
  if (withKeys) {
    mkdirSync(path.join(root, 'home/deploy/.ssh'), { recursive: true });
    writeFileSync(path.join(root, 'home/deploy/.ssh/authorized_keys'), `${KEYS.ed25519}\n`);
  }
  return root;
}

async function rulesOnTildeLine(root: string): Promise<string[]> {
  const result = await lintPaths(['.'], { cwd: root, config: defaultConfig() });
  return result.findings.filter((finding) => finding.file === 'etc/ssh/sshd_config' && finding.line === 1).map((finding) => finding.alias);
}

describe('a rule that supersedes another on the same line', () => {
  it('reports the lockout diagnosis alone when the repository shows who is locked out', async () => {
    expect(await rulesOnChmodLine(repository(true))).toEqual(['lockout-unsafe-modes']);
  });

  it('leaves the local finding when there is no diagnosis', async () => {
    expect(await rulesOnChmodLine(repository(false))).toEqual(['ssh-permissions-refused']);
  });

  it("reports AuthorizedKeysFile ~/… once, as the lockout of the user whose keys it stops reading", async () => {
    expect(await rulesOnTildeLine(tildeRepository(true))).toEqual(['lockout-keys-not-read']);
  });

  it('reports AuthorizedKeysFile ~/… by itself when the repository installs no keys', async () => {
    expect(await rulesOnTildeLine(tildeRepository(false))).toEqual(['authorized-keys-file-tilde']);
  });
});
