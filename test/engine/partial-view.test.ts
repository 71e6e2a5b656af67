import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { lintPaths } from '../../src/engine/lint-files.js';
import { KEYS } from '../fixtures/keys.js';

/** A server whose AllowUsers leaves out deploy, whose only key the repository installs. */
function repository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sshlint-partial-'));
  mkdirSync(path.join(root, 'etc/ssh'), { recursive: true });
  mkdirSync(path.join(root, 'home/deploy/.ssh'), { recursive: true });
  writeFileSync(path.join(root, 'etc/ssh/sshd_config'), 'AllowUsers admin\nPasswordAuthentication no\n');
  writeFileSync(path.join(root, 'home/deploy/.ssh/authorized_keys'), `${KEYS.ed25519}\n`);
  return root;
}

async function lockoutMessage(paths: string[]): Promise<string | undefined> {
  const result = await lintPaths(paths, { cwd: repository(), config: defaultConfig() });
  return result.findings.find((finding) => finding.alias === 'lockout-user-refused')?.message;
}

describe('the repository rules on part of a repository', () => {
  it('say who is locked out when whole directories were scanned', async () => {
    expect(await lockoutMessage(['.'])).toContain('deploy is locked out');
  });

  it('do not, when only some files were named (pre-commit passes the staged ones)', async () => {
    const message = await lockoutMessage(['etc/ssh/sshd_config', 'home/deploy/.ssh/authorized_keys']);
    expect(message).toContain('files that were not checked may install more');
    expect(message).not.toContain('locked out.');
  });
});

describe('account files named on the command line', () => {
  it('are read for the lockout analysis, without a "cannot tell what kind" note', async () => {
    const root = repository();
    writeFileSync(path.join(root, 'etc/group'), 'admins:x:1001:deploy\n');
    writeFileSync(path.join(root, 'etc/ssh/sshd_config'), 'PasswordAuthentication no\nDenyGroups admins\n');
    const result = await lintPaths(['etc/ssh/sshd_config', 'etc/group', 'home/deploy/.ssh/authorized_keys'], { cwd: root, config: defaultConfig() });
    expect(result.findings.filter((finding) => finding.file === 'etc/group')).toEqual([]);
    expect(result.findings.find((finding) => finding.alias === 'lockout-user-refused')?.message).toContain('denies group admins');
    expect(result.filesScanned).toBe(2);
  });
});
