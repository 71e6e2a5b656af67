/**
 * Proves the sshd_config / ssh_config oracle against facts from
 * shared/reference/ssh-knowledge.md §a and §b, each re-checked on the
 * installed OpenSSH 9.2p1. Where the reference and the binary disagree, the
 * test follows the binary (marked "reference says …").
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIG_DIR,
  cleanupConfigOracle,
  hasOpenSSH,
  requireOpenSSH,
  sshConfigCheck,
  sshdCheck,
  sshdEffective,
} from './config-oracle.js';

const available = hasOpenSSH();

it('OpenSSH is available (mandatory when CI is set)', (ctx) => {
  requireOpenSSH();
  if (!available) ctx.skip();
});

const sshd = (text: string | Uint8Array) => sshdCheck({ sshd_config: text });
const effective = async (text: string, key: string) => (await sshdEffective({ sshd_config: text })).get(key);
const ssh = (text: string, host?: string) => sshConfigCheck({ ssh_config: text }, host);

describe.skipIf(!available)('sshd -t oracle', () => {
  afterAll(cleanupConfigOracle);

  it('unknown keywords: every one reported at its line, counted, then terminating; exit 255', async () => {
    const r = await sshd('Port 22\nFooBar yes\n# c\nBazQux 1\n');
    expect(r.ok).toBe(false);
    expect(r.exitCode).toBe(255);
    expect(r.errors).toEqual([
      { file: 'sshd_config', line: 2, message: 'Bad configuration option: FooBar', fatal: false },
      { file: 'sshd_config', line: 4, message: 'Bad configuration option: BazQux', fatal: false },
    ]);
    expect(r.terminating).toEqual({ file: 'sshd_config', count: 2 });
  });

  it('a clean file: ok, exit 0, nothing said', async () => {
    const r = await sshd('Port 22\nPermitRootLogin no\n');
    expect(r).toMatchObject({ ok: true, exitCode: 0, errors: [], warnings: [], terminating: null, raw: '' });
  });

  it('extra arguments (space after a comma) are a counted error, not an immediate fatal', async () => {
    const r = await sshd('Ciphers aes128-ctr, aes256-ctr\nFooBar 1\n');
    expect(r.errors).toEqual([
      { file: 'sshd_config', line: 1, message: 'keyword Ciphers extra arguments at end of line', fatal: false },
      { file: 'sshd_config', line: 2, message: 'Bad configuration option: FooBar', fatal: false },
    ]);
    expect(r.terminating).toEqual({ file: 'sshd_config', count: 2 });
  });

  it('X11Forwarding true is fatal at once: later lines are never read, earlier counted errors are shown', async () => {
    const r = await sshd('FooBar 1\nX11Forwarding true\nBazQux 2\n');
    expect(r.exitCode).toBe(255);
    expect(r.terminating).toBeNull();
    expect(r.errors).toEqual([
      { file: 'sshd_config', line: 1, message: 'Bad configuration option: FooBar', fatal: false },
      { file: 'sshd_config', line: 2, message: 'unsupported option "true".', fatal: true },
    ]);
  });

  it('a global-only keyword after Match is fatal', async () => {
    const r = await sshd('Match User bob\nPort 2222\n');
    expect(r.errors).toEqual([
      { file: 'sshd_config', line: 2, message: "Directive 'Port' is not allowed within a Match block", fatal: true },
    ]);
  });

  it('a BOM is part of the first keyword: bad option on line 1', async () => {
    const r = await sshd('\ufeffPort 22\nPermitRootLogin no\n');
    expect(r.errors).toEqual([
      { file: 'sshd_config', line: 1, message: 'Bad configuration option: \\357\\273\\277Port', fatal: false },
    ]);
    expect(r.terminating).toEqual({ file: 'sshd_config', count: 1 });
  });

  it('a CRLF file parses, values without the CR', async () => {
    const text = 'Port 2200\r\nPermitRootLogin no\r\nAllowUsers alice\r\n';
    expect((await sshd(text)).ok).toBe(true);
    const eff = await sshdEffective({ sshd_config: text });
    expect(eff.get('permitrootlogin')).toEqual(['no']);
    expect(eff.get('port')).toEqual(['2200']);
    expect(eff.get('allowusers')).toEqual(['alice']);
  });

  it('Deprecated option is printed by sshd -t without -d (INFO), exit 0; Protocol is silent', async () => {
    const r = await sshd('UsePrivilegeSeparation sandbox\nProtocol 2\nUseLogin no\n');
    expect(r).toMatchObject({ ok: true, exitCode: 0, errors: [] });
    expect(r.warnings).toEqual([
      { file: 'sshd_config', line: 1, message: 'Deprecated option UsePrivilegeSeparation', fatal: false },
      { file: 'sshd_config', line: 3, message: 'Deprecated option UseLogin', fatal: false },
    ]);
  });

  it('location-less Match messages take the line of the "Bad Match condition" that follows', async () => {
    const r = await sshd('Port 22\nMatch Users bob\n');
    expect(r.errors).toEqual([
      { file: 'sshd_config', line: 2, message: 'Unsupported Match attribute Users', fatal: false },
      { file: 'sshd_config', line: 2, message: 'Bad Match condition', fatal: true },
    ]);
  });

  it('"Invalid Match address argument … at line N" (no file) is placed in the file that has that Match line', async () => {
    const r = await sshdCheck({
      sshd_config: `Port 22\nInclude ${CONFIG_DIR}/conf.d/*.conf\n`,
      'conf.d/a.conf': 'PermitRootLogin no\nMatch Address 192.0.2.1/8\n',
    });
    expect(r.errors).toEqual([
      {
        file: 'conf.d/a.conf',
        line: 2,
        message: "Invalid Match address argument '192.0.2.1/8' at line 2",
        fatal: true,
      },
    ]);
  });

  it('bad options in a drop-in end the run at the end of the drop-in; the main file is never finished', async () => {
    const r = await sshdCheck({
      sshd_config: `Include ${CONFIG_DIR}/sshd_config.d/*.conf\nFooBar 1\n`,
      'sshd_config.d/10-a.conf': 'PermitRootLogin no\nBadOne x\nBadTwo y\n',
      'sshd_config.d/20-b.conf': 'BadThree z\n',
    });
    expect(r.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['sshd_config.d/10-a.conf', 2, 'Bad configuration option: BadOne'],
      ['sshd_config.d/10-a.conf', 3, 'Bad configuration option: BadTwo'],
    ]);
    expect(r.terminating).toEqual({ file: 'sshd_config.d/10-a.conf', count: 2 });
  });
});

describe.skipIf(!available)('sshd -T oracle', () => {
  afterAll(cleanupConfigOracle);

  it('first value wins: PermitRootLogin no then yes gives no', async () => {
    expect(await effective('PermitRootLogin no\nPermitRootLogin yes\n', 'permitrootlogin')).toEqual(['no']);
  });

  it('a drop-in included at the top beats the main file; the lexically first drop-in wins; only *.conf is read', async () => {
    const eff = await sshdEffective({
      sshd_config: `Include ${CONFIG_DIR}/sshd_config.d/*.conf\nPermitRootLogin yes\nPasswordAuthentication yes\n`,
      'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
      'sshd_config.d/99-hardening.conf': 'PasswordAuthentication no\nPermitRootLogin no\n',
      'sshd_config.d/00-first.conf.disabled': 'PermitRootLogin forced-commands-only\n',
    });
    expect(eff.get('permitrootlogin')).toEqual(['no']);
    expect(eff.get('passwordauthentication')).toEqual(['yes']);
  });

  it('AllowUsers accumulates across lines; AcceptEnv and Port too', async () => {
    const eff = await sshdEffective({
      sshd_config: 'AllowUsers a\nAllowUsers b c\nAcceptEnv LANG\nAcceptEnv LC_*\nPort 22\nPort 2222\n',
    });
    expect(eff.get('allowusers')).toEqual(['a', 'b', 'c']);
    expect(eff.get('acceptenv')).toEqual(['LANG', 'LC_*']);
    expect(eff.get('port')).toEqual(['22', '2222']);
  });

  it('reference says SetEnv and LogVerbose accumulate; 9.2 keeps only the first line (like AuthorizedKeysFile)', async () => {
    const eff = await sshdEffective({
      sshd_config: 'SetEnv A=1\nSetEnv B=2\nLogVerbose kex.c:*\nLogVerbose sshd.c:*\nAuthorizedKeysFile a\nAuthorizedKeysFile b\n',
    });
    expect(eff.get('setenv')).toEqual(['A=1']);
    expect(eff.get('logverbose')).toEqual(['kex.c:*']);
    expect(eff.get('authorizedkeysfile')).toEqual(['a']);
  });

  it('Subsystem: different names accumulate; the same name twice is fatal in 9.2', async () => {
    expect(await effective('Subsystem a /x\nSubsystem b /y\n', 'subsystem')).toEqual(['a /x', 'b /y']);
    const r = await sshd('Subsystem sftp /a\nSubsystem sftp /b\n');
    expect(r.errors).toEqual([
      { file: 'sshd_config', line: 2, message: "Subsystem 'sftp' already defined.", fatal: true },
    ]);
  });

  it('-C applies Match blocks; the harness host key is not reported as configured', async () => {
    const files = { sshd_config: 'PermitRootLogin no\nMatch User bob\n  PermitRootLogin yes\n' };
    expect((await sshdEffective(files, { user: 'bob', host: 'h', addr: '192.0.2.7' })).get('permitrootlogin')).toEqual(['yes']);
    const alice = await sshdEffective(files, { user: 'alice', host: 'h', addr: '192.0.2.7', lport: 22 });
    expect(alice.get('permitrootlogin')).toEqual(['no']);
    expect(alice.get('hostkey')).toBeUndefined();
    const keyed = await sshdEffective({ sshd_config: `HostKey ${CONFIG_DIR}/k1\nHostKey /etc/ssh/k2\n` });
    expect(keyed.get('hostkey')).toEqual([`${CONFIG_DIR}/k1`, '/etc/ssh/k2']);
  });

  it('sshdEffective throws with sshd\'s message when the file is rejected', async () => {
    await expect(sshdEffective({ sshd_config: 'FooBar 1\n' })).rejects.toThrow(/Bad configuration option: FooBar/);
  });
});

describe.skipIf(!available)('ssh -G oracle', () => {
  let outside: string;
  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'sshlint-exec-'));
  });
  afterAll(async () => {
    await rm(outside, { recursive: true, force: true });
    await cleanupConfigOracle();
  });

  it('first obtained value wins: Host * before the specific block takes over', async () => {
    const broad = await ssh('Host *\n  User a\nHost example.com\n  User b\n');
    expect(broad).toMatchObject({ ok: true, exitCode: 0, errors: [] });
    expect(broad.effective.get('user')).toEqual(['a']);
    const specific = await ssh('Host example.com\n  User b\nHost *\n  User a\n');
    expect(specific.effective.get('user')).toEqual(['b']);
    expect(specific.effective.get('hostname')).toEqual(['example.com']);
  });

  it('UseKeychain (macOS only) is a bad option: keyword lowercased in the message, exit 255', async () => {
    const r = await ssh('Host *\n  UseKeychain yes\n');
    expect(r.exitCode).toBe(255);
    expect(r.errors).toEqual([{ file: 'ssh_config', line: 2, message: 'Bad configuration option: usekeychain', fatal: false }]);
    expect(r.terminating).toEqual({ file: 'ssh_config', count: 1 });
    expect(r.effective.size).toBe(0);
  });

  it('IgnoreUnknown must come before the unknown keyword', async () => {
    expect((await ssh('IgnoreUnknown UseKeychain\nUseKeychain yes\n')).ok).toBe(true);
    const late = await ssh('UseKeychain yes\nIgnoreUnknown UseKeychain\n');
    expect(late.ok).toBe(false);
    expect(late.errors.map((e) => e.line)).toEqual([1]);
  });

  it('flags take true/false; IdentityFile accumulates; unsupported keywords warn, deprecated ones are silent', async () => {
    const r = await ssh('ForwardAgent true\nIdentityFile ~/.ssh/a\nIdentityFile ~/.ssh/b\nRSAAuthentication yes\nUseRoaming no\n');
    expect(r).toMatchObject({ ok: true, errors: [] });
    expect(r.warnings).toEqual([{ file: 'ssh_config', line: 4, message: 'Unsupported option "rsaauthentication"', fatal: false }]);
    expect(r.effective.get('forwardagent')).toEqual(['yes']);
    expect(r.effective.get('identityfile')).toEqual(['~/.ssh/a', '~/.ssh/b']);
  });

  it('Match exec is never run unless the caller opts in', async () => {
    const marker = join(outside, 'ran');
    const text = `Match exec "touch ${marker}"\n  User z\n`;
    const never = await ssh(text);
    expect(never.effective.get('user')).not.toEqual(['z']);
    const succeed = await sshConfigCheck({ ssh_config: text }, 'example.com', { exec: 'succeed' });
    expect(succeed.effective.get('user')).toEqual(['z']);
    expect(existsSync(marker)).toBe(false);
    const run = await sshConfigCheck({ ssh_config: text }, 'example.com', { exec: 'run' });
    expect(run.effective.get('user')).toEqual(['z']);
    expect(existsSync(marker)).toBe(true);
  });

  it('-l user feeds Match user; errors in an included file carry its name', async () => {
    const r = await sshConfigCheck(
      { ssh_config: `Match user deploy\n  Include ${CONFIG_DIR}/inc/*.conf\n`, 'inc/x.conf': 'Port 2222\nBogus 1\n' },
      'example.com',
      { user: 'deploy' },
    );
    expect(r.errors).toEqual([{ file: 'inc/x.conf', line: 2, message: 'Bad configuration option: bogus', fatal: false }]);
    expect(r.terminating).toEqual({ file: 'inc/x.conf', count: 1 });
  });
});

describe.skipIf(!available)('speed', () => {
  afterAll(cleanupConfigOracle);

  it('reports time per call, sequential and in parallel', async () => {
    const cfg = 'Port 22\nPermitRootLogin no\nFooBar 1\n';
    const time = async (label: string, n: number, parallel: boolean, f: () => Promise<unknown>): Promise<number> => {
      const t0 = performance.now();
      if (parallel) await Promise.all(Array.from({ length: n }, f));
      else for (let i = 0; i < n; i++) await f();
      const per = (performance.now() - t0) / n;
      console.log(`[config-oracle] ${label}: ${per.toFixed(1)} ms/call (${n} calls, ${parallel ? `parallel, ${availableParallelism()} CPUs` : 'sequential'})`);
      return per;
    };
    await sshd(cfg); // fixture (host key) out of the measurement
    const results = [
      await time('sshdCheck', 20, false, () => sshd(cfg)),
      await time('sshdCheck', 100, true, () => sshd(cfg)),
      await time('sshdEffective', 20, false, () => sshdEffective({ sshd_config: 'Port 22\n' })),
      await time('sshConfigCheck', 20, false, () => ssh('Host *\n  User a\n')),
      await time('sshConfigCheck', 100, true, () => ssh('Host *\n  User a\n')),
    ];
    for (const per of results) expect(per).toBeLessThan(500);
  });
});
