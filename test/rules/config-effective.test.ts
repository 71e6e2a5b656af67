import { describe, expect, it } from 'vitest';
import { NEWEST_KNOWN_VERSION, parseVersion } from '../../src/core/version.js';
import type { ConfigKind } from '../../src/parse/config/config-model.js';
import { effectiveConfig, type EffectiveConfig } from '../../src/parse/config/effective-config.js';
import { analyseConfig } from './config-rule-tester.js';

async function analyse(files: Record<string, string>, kind: ConfigKind = 'sshd_config', version = '10.5'): Promise<EffectiveConfig> {
  const parsed = parseVersion(version) ?? NEWEST_KNOWN_VERSION;
  return effectiveConfig(await analyseConfig(files, kind, parsed), { version: parsed });
}

const at = (setting: { directive: { file: string; line: { number: number } } } | undefined): string | undefined =>
  setting && `${setting.directive.file}:${setting.directive.line.number}`;

describe('effective configuration', () => {
  it('sshd: the first top-level line wins, a drop-in included first wins over the main file', async () => {
    const config = await analyse({
      sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\nPermitRootLogin no\nPermitRootLogin yes\n',
      'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
    });
    expect(at(config.global('PasswordAuthentication'))).toBe('sshd_config.d/50-cloud-init.conf:1');
    expect(at(config.global('permitrootlogin'))).toBe('sshd_config:3');
    expect(config.dead.map((d) => [at(d.setting), d.reason, at(d.winner)])).toEqual([
      ['sshd_config:2', 'same-scope', 'sshd_config.d/50-cloud-init.conf:1'],
      ['sshd_config:4', 'same-scope', 'sshd_config:3'],
    ]);
    expect(config.global('X11Forwarding')).toBeUndefined();
  });

  it('sshd: aliases share the canonical keyword', async () => {
    const config = await analyse({ sshd_config: 'ChallengeResponseAuthentication no\nKbdInteractiveAuthentication yes\n' });
    expect(config.global('KbdInteractiveAuthentication')?.directive.keyword).toBe('ChallengeResponseAuthentication');
    expect(config.dead).toHaveLength(1);
    const old = await analyse({ sshd_config: 'ChallengeResponseAuthentication no\nKbdInteractiveAuthentication yes\n' }, 'sshd_config', '8.6');
    expect(old.dead).toHaveLength(0);
    expect(at(old.global('ChallengeResponseAuthentication'))).toBe('sshd_config:1');
  });

  it('sshd: Match blocks keep their own value; Match all replaces the top level', async () => {
    const config = await analyse({
      sshd_config: 'X11Forwarding no\nAllowTcpForwarding no\nMatch User bob\n    X11Forwarding yes\nMatch all\n    AllowTcpForwarding yes\nMatch User bob\n    AllowTcpForwarding local\n',
    });
    const bob = config.winners('X11Forwarding').find((s) => s.scope.block)!;
    expect(at(config.in('X11Forwarding', bob.scope))).toBe('sshd_config:4');
    expect(at(config.global('X11Forwarding'))).toBe('sshd_config:1');
    expect(at(config.global('AllowTcpForwarding'))).toBe('sshd_config:6');
    expect(config.dead.map((d) => [at(d.setting), d.reason])).toEqual([
      ['sshd_config:8', 'earlier-covering'],
      ['sshd_config:2', 'overridden-by-match'],
    ]);
  });

  it('sshd: appending keywords are never dead', async () => {
    const config = await analyse({ sshd_config: 'AllowUsers a\nAllowUsers b\nHostKey /k1\nHostKey /k2\n' });
    expect(config.dead).toEqual([]);
    expect(config.all('AllowUsers')).toHaveLength(2);
    expect(config.winners('AllowUsers')).toHaveLength(2);
  });

  it('ssh: the top level, Host * and Match all form one scope that shadows later blocks', async () => {
    const config = await analyse({ ssh_config: 'Host *\n    User nobody\nHost work\n    User alice\n    Port 2222\nHost * !x\n    Port 22\n' }, 'ssh_config');
    expect(at(config.global('User'))).toBe('ssh_config:2');
    expect(config.dead.map((d) => [at(d.setting), d.reason])).toEqual([['ssh_config:4', 'earlier-covering']]);
    const work = config.winners('Port').find((s) => s.scope.key === 'host work')!;
    expect(at(config.in('Port', work.scope))).toBe('ssh_config:5');
    expect(config.global('Port')).toBeUndefined();
  });

  it('ssh: specific blocks first, Host * last, nothing is dead', async () => {
    const config = await analyse({ ssh_config: 'Host a\n    ForwardAgent yes\nHost *\n    ForwardAgent no\n' }, 'ssh_config');
    expect(config.dead).toEqual([]);
    expect(at(config.global('ForwardAgent'))).toBe('ssh_config:4');
  });
});
