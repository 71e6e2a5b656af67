/**
 * Proves the sshd oracle against facts already established by hand on
 * OpenSSH 9.2p1 (shared/reference/ssh-knowledge.md §c.1). If these fail, the
 * harness (or the installed sshd) is wrong, not the linter.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanupOracle,
  generateKey,
  hasOpenSSH,
  makeCertificate,
  requireOpenSSH,
  sshdIgnoresLine,
  sshdLineVerdicts,
  sshdLines,
  sshdLogin,
  verdictsFromLog,
} from './openssh.js';
import type { KeyPair, LineVerdict } from './openssh.js';

const available = hasOpenSSH();

it('OpenSSH is available (mandatory when CI is set)', (ctx) => {
  requireOpenSSH(); // throws on CI without OpenSSH: the oracle must not silently vanish there
  if (!available) ctx.skip();
});

describe('log mapping helpers (no sshd needed)', () => {
  const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

  it('splits like getline: \\n only, no phantom line after the final \\n', () => {
    expect(sshdLines(bytes('a\nb\r\n\n')).map((l) => Buffer.from(l).toString())).toEqual(['a', 'b\r', '']);
    expect(sshdLines(bytes('a\nlast')).length).toBe(2);
    expect(sshdLines(bytes('')).length).toBe(0);
  });

  it('ignores only blank, #-comment and NUL-led lines; CR is not blank', () => {
    expect(sshdIgnoresLine(bytes(' \t'))).toBe(true);
    expect(sshdIgnoresLine(bytes('  # c'))).toBe(true);
    expect(sshdIgnoresLine(bytes(' \0x'))).toBe(true);
    expect(sshdIgnoresLine(bytes('\r'))).toBe(false);
    expect(sshdIgnoresLine(bytes('\ufeff# c'))).toBe(false);
  });

  it('refuses a log whose line counts disagree with its own', () => {
    const log = 'debug2: auth_check_authkeys_file: /x/ak: processed 2/2 lines\r\n';
    expect(() => verdictsFromLog(log, '/x/ak', bytes('# c\nk\n'))).toThrow(/processed 2\/2/);
    expect(() => verdictsFromLog('', '/x/ak', bytes('k\n'))).toThrow(/never finished/);
  });
});

describe.skipIf(!available)('sshd oracle harness (real OpenSSH)', () => {
  let dir: string;
  let user: KeyPair;
  let stranger: KeyPair;
  let rsa: KeyPair;
  let ca: KeyPair;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sshlint-oracle-test-'));
    [user, stranger, rsa, ca] = await Promise.all([
      generateKey(dir, 'ed25519'),
      generateKey(dir, 'ed25519'),
      generateKey(dir, 'rsa', 2048),
      generateKey(dir, 'ed25519', undefined, 'ca'),
    ]);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await cleanupOracle();
  });

  describe('sshdLineVerdicts on §c.1 facts (one sshd run for all)', () => {
    type Case = { name: string; lines: string[]; expect: LineVerdict['verdict'][]; reason?: RegExp };
    const cases = (): Case[] => {
      const k = user.publicLine.split(' ').slice(0, 2).join(' ');
      const blob = k.split(' ')[1] ?? '';
      const rsaBlob = rsa.publicLine.split(' ')[1] ?? '';
      return [
        // The BOM must be at the start of the file to mean anything, so this case goes first.
        { name: 'UTF-8 BOM before the first key line', lines: [`\ufeff${k} bom`], expect: ['skipped'], reason: /^advance: / },
        { name: 'valid ed25519 line', lines: [`${k} user@host`], expect: ['parsed'] },
        { name: 'comment and blank lines', lines: ['# a comment', '', '   ', '\t# indented'], expect: ['ignored', 'ignored', 'ignored', 'ignored'] },
        { name: 'key split across two lines', lines: [`ssh-ed25519 ${blob.slice(0, 40)}`, `${blob.slice(40)} split`], expect: ['skipped', 'skipped'], reason: /^advance: / },
        { name: 'space after a comma in options', lines: [`no-pty, no-agent-forwarding ${k}`], expect: ['skipped'], reason: /^advance: 'no-agent-forwarding / },
        { name: 'empty option between commas', lines: [`no-pty,,no-X11-forwarding ${k}`], expect: ['parsed'] },
        { name: 'unquoted command=', lines: [`command=echo ${k}`], expect: ['skipped'], reason: /^bad key options: missing start quote$/ },
        { name: 'unterminated quote', lines: [`command="echo ${k}`], expect: ['skipped'], reason: /^invalid key option string$/ },
        { name: 'CRLF line endings', lines: [`${k} crlf\r`, `${k}\r`], expect: ['parsed', 'parsed'] },
        { name: 'upper-case key type', lines: [`SSH-ED25519 ${blob}`], expect: ['skipped'], reason: /^advance: / },
        { name: 'ssh-rsa label on an ed25519 blob', lines: [`ssh-rsa ${blob}`], expect: ['skipped'], reason: /^advance: / },
        { name: 'expiry-time with dashes', lines: [`expiry-time="2099-12-31" ${k}`], expect: ['skipped'], reason: /^bad key options: invalid expires time$/ },
        { name: 'unknown option', lines: [`no-foo ${k}`], expect: ['skipped'], reason: /^bad key options: unknown key option$/ },
        // Found with this harness, contrary to §c.1.10: sshkey_read accepts any keyimpl name, and rsa-sha2-* are keyimpl names.
        { name: 'rsa-sha2-512 label on an RSA blob', lines: [`rsa-sha2-512 ${rsaBlob}`], expect: ['parsed'] },
        // A CRLF "blank" line is CR, not blank, so sshd parses it and skips it (harmless).
        { name: 'CR-only line', lines: ['\r'], expect: ['skipped'], reason: /^advance: ''$/ },
      ];
    };

    let all: Case[];
    let verdicts: LineVerdict[];
    beforeAll(async () => {
      all = cases();
      verdicts = await sshdLineVerdicts(`${all.flatMap((c) => c.lines).join('\n')}\n`);
    });

    it('returns one verdict per line, numbered from 1', () => {
      const total = all.reduce((n, c) => n + c.lines.length, 0);
      expect(verdicts.map((v) => v.line)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    });

    it('matches every known fact', () => {
      let line = 0;
      const got = all.map((c) => {
        const mine = verdicts.slice(line, (line += c.lines.length));
        return { name: c.name, verdicts: mine.map((v) => v.verdict), reasonsOk: mine.every((v) => !c.reason || v.verdict !== 'skipped' || c.reason.test(v.reason ?? '')) };
      });
      expect(got).toEqual(all.map((c) => ({ name: c.name, verdicts: c.expect, reasonsOk: true })));
    });

    it('gives a reason exactly for skipped lines', () => {
      for (const v of verdicts) expect(v.reason !== undefined).toBe(v.verdict === 'skipped');
    });
  });

  it('handles a file without a trailing newline, an empty file, and parallel runs', async () => {
    const k = user.publicLine;
    const [noEol, empty, commentOnly] = await Promise.all([
      sshdLineVerdicts(`# c\n${k}`),
      sshdLineVerdicts(''),
      sshdLineVerdicts('# only\n'),
    ]);
    expect(noEol).toEqual([{ line: 1, verdict: 'ignored' }, { line: 2, verdict: 'parsed' }]);
    expect(empty).toEqual([]);
    expect(commentOnly).toEqual([{ line: 1, verdict: 'ignored' }]);
  });

  it('is bounded: a run that cannot finish in time rejects instead of hanging', async () => {
    await expect(sshdLineVerdicts(user.publicLine, { timeoutMs: 1 })).rejects.toThrow();
  });

  describe('sshdLogin', () => {
    it('accepts a listed key', async () => {
      const r = await sshdLogin({ authorizedKeys: `${user.publicLine}\n`, privateKey: user.privateKey });
      expect(r.accepted).toBe(true);
      expect(r.log).toMatch(/^Accepted publickey for root from 127\.0\.0\.1/m);
    });

    it('refuses a key that is not listed', async () => {
      const r = await sshdLogin({ authorizedKeys: `${stranger.publicLine}\n`, privateKey: user.privateKey });
      expect(r.accepted).toBe(false);
      expect(r.log).toMatch(/^Failed publickey for root/m);
    });

    it('lets sshdOptions override the harness defaults', async () => {
      const r = await sshdLogin({
        authorizedKeys: `${user.publicLine}\n`,
        privateKey: user.privateKey,
        sshdOptions: { PubkeyAuthentication: 'no' },
      });
      expect(r.accepted).toBe(false);
    });

    it('accepts a certificate through a cert-authority line (makeCertificate)', async () => {
      const cert = await makeCertificate(ca.privateKey, stranger.publicKey, { principals: ['root'] });
      const r = await sshdLogin({
        authorizedKeys: `cert-authority ${ca.publicLine}\n`,
        privateKey: stranger.privateKey,
        certificate: cert.path,
      });
      expect(r.accepted).toBe(true);
      expect(r.log).toMatch(/Accepted certificate ID "sshlint-oracle"/);
    });

    it('logs in with an RSA key listed under the rsa-sha2-512 label', async () => {
      const blob = rsa.publicLine.split(' ')[1];
      const r = await sshdLogin({ authorizedKeys: `rsa-sha2-512 ${blob} relabelled\n`, privateKey: rsa.privateKey });
      expect(r.accepted).toBe(true);
    });
  });
});
