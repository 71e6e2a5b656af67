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

describe('a rule that supersedes another on the same line', () => {
  it('reports the lockout diagnosis alone when the repository shows who is locked out', async () => {
    expect(await rulesOnChmodLine(repository(true))).toEqual(['lockout-unsafe-modes']);
  });

  it('leaves the local finding when there is no diagnosis', async () => {
    expect(await rulesOnChmodLine(repository(false))).toEqual(['ssh-permissions-refused']);
  });
});
