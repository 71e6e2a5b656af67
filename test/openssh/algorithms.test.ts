/**
 * The algorithm tables (src/openssh/algorithms.ts) and the list semantics
 * (src/openssh/algorithm-list.ts): consistency checks, semantics per release read
 * from the OpenSSH source, and a differential test against the local OpenSSH
 * binaries (Debian 12's 9.2p1 on CI): `ssh -Q`, `sshd -t`, `sshd -T`, `ssh -G`.
 * Without OpenSSH the binary tests skip, except under CI where they fail.
 */
import { matchPatternList } from '../../src/openssh/match.js';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALGORITHM_CLASSES,
  ALGORITHM_RELEASES,
  EXTRACTED_RELEASES,
  VENDOR_NOTES,
  algorithmAvailability,
  algorithmCatalogue,
  assessAlgorithm,
  defaultAlgorithms,
  internalCiphers,
  isKnownAlgorithm,
  keyTypeShortNames,
  knownAlgorithms,
  statusOf,
  type AlgorithmClass,
  type Side,
} from '../../src/openssh/algorithms.js';
import {
  algorithmKeyword,
  resolveAlgorithmList,
  type AlgorithmKeyword,
  type AlgorithmListResult,
} from '../../src/openssh/algorithm-list.js';
import { KEY_TYPES, SIGNATURE_ALGORITHMS, isKnownIn } from '../../src/ssh/key-types.js';

const SIDES: readonly Side[] = ['server', 'client'];

// ------------------------------------------------------------ table consistency

describe('algorithm tables', () => {
  it('cover 7.4 … 10.5 without gaps', () => {
    expect(ALGORITHM_RELEASES).toEqual(EXTRACTED_RELEASES);
    const expected = [
      ...['7.4', '7.5', '7.6', '7.7', '7.8', '7.9'],
      ...Array.from({ length: 10 }, (_, i) => `8.${i}`),
      ...Array.from({ length: 10 }, (_, i) => `9.${i}`),
      ...Array.from({ length: 6 }, (_, i) => `10.${i}`),
    ];
    expect([...ALGORITHM_RELEASES]).toEqual(expected);
    expect(() => knownAlgorithms('cipher', '7.3')).toThrow(RangeError);
    expect(() => knownAlgorithms('cipher', '10.6')).toThrow(RangeError);
  });

  it('every release has lists without repeats, and defaults drawn from them', () => {
    for (const r of ALGORITHM_RELEASES) {
      for (const cls of ALGORITHM_CLASSES) {
        const known = knownAlgorithms(cls, r);
        expect(known.length, `${cls} ${r}`).toBeGreaterThan(0);
        expect(new Set(known).size, `${cls} ${r} repeats`).toBe(known.length);
        for (const side of SIDES) {
          const def = defaultAlgorithms(cls, r, side);
          if (cls === 'sig' && r === '7.8') expect(def).toBeUndefined();
          if (def === undefined) {
            expect(cls === 'sig' && ['7.4', '7.5', '7.6', '7.7', '7.8'].includes(r), `${cls} ${r}`).toBe(true);
            continue;
          }
          expect(def.length).toBeGreaterThan(0);
          for (const n of def) expect(known, `${side} default ${cls} ${r}`).toContain(n);
        }
      }
      expect(internalCiphers(r)).toEqual(['none']);
      expect(knownAlgorithms('cipher', r)).not.toContain('none');
    }
  });

  it("the 'key' and 'sig' classes agree with src/ssh/key-types.ts in every release", () => {
    const keyNames = new Set([...KEY_TYPES.map((k) => k.name), ...SIGNATURE_ALGORITHMS.map((s) => s.name)]);
    const certOf = new Map([
      ...KEY_TYPES.map((k) => [k.name, k.certificate] as const),
      ...SIGNATURE_ALGORITHMS.map((s) => [s.name, KEY_TYPES.find((k) => k.name === s.keyType)?.certificate ?? false] as const),
    ]);
    for (const r of ALGORITHM_RELEASES) {
      const key = knownAlgorithms('key', r);
      for (const n of key) expect(keyNames.has(n), `${n} (${r}) missing from key-types.ts`).toBe(true);
      for (const k of KEY_TYPES) expect(key.includes(k.name), `${k.name} in ${r}`).toBe(isKnownIn(k, r));
      for (const s of SIGNATURE_ALGORITHMS) {
        const k = KEY_TYPES.find((t) => t.name === s.keyType);
        expect(k).toBeDefined();
        expect(key.includes(s.name), `${s.name} in ${r}`).toBe(isKnownIn(s, r) && isKnownIn(k!, r));
      }
      expect(knownAlgorithms('sig', r)).toEqual(key.filter((n) => !certOf.get(n)));
    }
  });

  it('lifecycle facts the tables must reproduce (release notes, ssh-knowledge.md §d)', () => {
    const since = (cls: AlgorithmClass, name: string) =>
      ALGORITHM_RELEASES.find((r) => isKnownAlgorithm(cls, name, r));
    const gone = (cls: AlgorithmClass, name: string) => {
      const first = ALGORITHM_RELEASES.findIndex((r) => isKnownAlgorithm(cls, name, r));
      return ALGORITHM_RELEASES.slice(first).find((r) => !isKnownAlgorithm(cls, name, r));
    };
    expect(gone('cipher', 'arcfour')).toBe('7.6');
    expect(gone('cipher', 'blowfish-cbc')).toBe('7.6');
    expect(gone('mac', 'hmac-ripemd160')).toBe('7.6');
    expect(gone('cipher', 'rijndael-cbc@lysator.liu.se')).toBe('8.5');
    expect(since('kex', 'sntrup4591761x25519-sha512@tinyssh.org')).toBe('8.0');
    expect(gone('kex', 'sntrup4591761x25519-sha512@tinyssh.org')).toBe('8.5');
    expect(since('kex', 'sntrup761x25519-sha512@openssh.com')).toBe('8.5');
    expect(since('kex', 'sntrup761x25519-sha512')).toBe('9.9');
    expect(since('kex', 'mlkem768x25519-sha256')).toBe('9.9');
    expect(since('kex', 'mlkem768nistp256-sha256')).toBe('10.5');
    expect(gone('key', 'ssh-dss')).toBe('9.8');
    expect(since('key', 'ssh-mldsa44-ed25519@openssh.com')).toBe('10.4');
    expect(since('sig', 'webauthn-sk-ecdsa-sha2-nistp256@openssh.com')).toBe('8.4');
    expect(isKnownAlgorithm('kex', 'diffie-hellman-group1-sha1', '10.5')).toBe(true);
    // defaults
    expect(algorithmAvailability('key', 'ssh-rsa', '8.7', 'server')).toBe('default');
    expect(algorithmAvailability('key', 'ssh-rsa', '8.8', 'server')).toBe('non-default');
    expect(algorithmAvailability('sig', 'ssh-rsa', '8.1', 'server')).toBe('default');
    expect(algorithmAvailability('sig', 'ssh-rsa', '8.2', 'server')).toBe('non-default');
    expect(algorithmAvailability('cipher', 'none', '9.2', 'server')).toBe('internal');
    expect(algorithmAvailability('cipher', 'aes128-cbc', '7.5', 'client')).toBe('default');
    expect(algorithmAvailability('cipher', 'aes128-cbc', '7.6', 'client')).toBe('non-default');
    expect(algorithmAvailability('mac', 'hmac-sha1', '10.5', 'server')).toBe('default');
    expect(algorithmAvailability('mac', 'umac-64@openssh.com', '10.5', 'client')).toBe('default');
    expect(algorithmAvailability('kex', 'diffie-hellman-group14-sha1', '8.1', 'server')).toBe('default');
    expect(algorithmAvailability('kex', 'diffie-hellman-group14-sha1', '8.2', 'server')).toBe('non-default');
    expect(defaultAlgorithms('kex', '9.0', 'server')?.[0]).toBe('sntrup761x25519-sha512@openssh.com');
    expect(defaultAlgorithms('kex', '10.0', 'server')?.[0]).toBe('mlkem768x25519-sha256');
    // 10.0: finite-field DH left the server default only
    for (const dh of ['diffie-hellman-group-exchange-sha256', 'diffie-hellman-group16-sha512', 'diffie-hellman-group14-sha256']) {
      expect(algorithmAvailability('kex', dh, '9.9', 'server')).toBe('default');
      expect(algorithmAvailability('kex', dh, '10.0', 'server')).toBe('non-default');
      expect(algorithmAvailability('kex', dh, '10.5', 'client')).toBe('default');
    }
    // 7.8 and 7.9 ssh passed the server lists (KEX_SERVER_*) to kex_assemble_names
    expect(defaultAlgorithms('kex', '7.8', 'client')).toEqual(defaultAlgorithms('kex', '7.8', 'server'));
    expect(defaultAlgorithms('kex', '7.7', 'client')).toContain('diffie-hellman-group-exchange-sha1');
    expect(defaultAlgorithms('cipher', '10.0', 'server')?.slice(0, 3)).toEqual([
      'chacha20-poly1305@openssh.com',
      'aes128-gcm@openssh.com',
      'aes256-gcm@openssh.com',
    ]);
    expect(defaultAlgorithms('key', '10.5', 'server')).not.toContain('ssh-mldsa44-ed25519@openssh.com');
    expect(keyTypeShortNames('9.8')).toContain('RSA');
    expect(keyTypeShortNames('9.9')).toEqual([]);
  });

  it('every name carries a deliberate assessment', () => {
    // Names with no reason at all: this list forces a decision when a new name appears.
    const clean = new Set([
      'aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes128-gcm@openssh.com', 'aes256-gcm@openssh.com',
      'sntrup761x25519-sha512@openssh.com', 'sntrup761x25519-sha512', 'mlkem768x25519-sha256',
      'ssh-ed25519', 'ssh-ed25519-cert-v01@openssh.com', 'sk-ssh-ed25519@openssh.com',
      'sk-ssh-ed25519-cert-v01@openssh.com',
    ]);
    for (const e of algorithmCatalogue()) {
      expect(e.assessment.reasons.length === 0, `${e.cls} ${e.name}`).toBe(clean.has(e.name));
    }
  });

  it('assessments: undisputed verdicts, disputed ones kept apart', () => {
    const a = (n: string) => assessAlgorithm(n);
    expect([a('none').status, a('3des-cbc').status, a('arcfour').status, a('hmac-md5').status]).toEqual([
      'broken', 'broken', 'broken', 'broken',
    ]);
    expect(a('diffie-hellman-group1-sha1').status).toBe('broken');
    expect(a('diffie-hellman-group14-sha1').status).toBe('broken');
    expect(a('ssh-rsa').status).toBe('broken');
    expect(a('ssh-rsa-cert-v01@openssh.com').status).toBe('broken');
    expect(a('ssh-dss').status).toBe('broken');
    expect(a('aes128-cbc').status).toBe('weak');
    expect(a('hmac-sha1-96').status).toBe('weak');
    expect(a('hmac-sha1-96').strictStatus).toBe('broken');
    // disputed: ok unless the caller opts in
    for (const [n, strict] of [
      ['ecdh-sha2-nistp256', 'broken'],
      ['ecdsa-sha2-nistp256-cert-v01@openssh.com', 'broken'],
      ['sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', 'broken'],
      ['webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', 'broken'],
      ['mlkem768nistp256-sha256', 'broken'],
      ['hmac-sha1', 'broken'],
      ['hmac-sha1-etm@openssh.com', 'broken'],
      ['umac-64@openssh.com', 'weak'],
      ['umac-64-etm@openssh.com', 'weak'],
      ['hmac-sha2-256', 'weak'],
      ['curve25519-sha256', 'weak'],
      ['diffie-hellman-group16-sha512', 'weak'],
    ] as const) {
      expect(a(n).status, n).toBe('ok');
      expect(a(n).strictStatus, n).toBe(strict);
    }
    expect(statusOf(a('ecdh-sha2-nistp256'), { disputed: new Set(['not-post-quantum']) })).toBe('weak');
    expect(statusOf(a('ecdh-sha2-nistp256'), { disputed: true })).toBe('broken');
    expect(a('chacha20-poly1305@openssh.com').status).toBe('ok');
    expect(a('chacha20-poly1305@openssh.com').reasons.map((r) => r.code)).toEqual(['terrapin-chacha20']);
    expect(a('aes256-cbc').reasons.map((r) => r.code)).toContain('terrapin-cbc-etm');
    expect(a('rsa-sha2-512-cert-v01@openssh.com')).toEqual(a('rsa-sha2-512'));
    expect(a('mlkem768x25519-sha256')).toEqual({ status: 'ok', strictStatus: 'ok', reasons: [] });
  });
});

// ------------------------------------------------------- list semantics (source)

describe('resolveAlgorithmList: semantics per release (from the source)', () => {
  const res = (kw: AlgorithmKeyword, v: string, r: string, side: Side = 'server') => resolveAlgorithmList(kw, v, r, side);
  const err = (x: AlgorithmListResult) => (x.ok ? undefined : x.error);
  const eff = (x: AlgorithmListResult) => (x.ok ? x.effective : undefined);

  it('`-` from 7.5, `^` from 8.1', () => {
    expect(err(res('Ciphers', '-aes128-ctr', '7.4'))?.message).toBe("Bad SSH2 cipher spec '-aes128-ctr'.");
    expect(eff(res('Ciphers', '-aes128-ctr', '7.5'))).not.toContain('aes128-ctr');
    expect(err(res('Ciphers', '^aes128-cbc', '8.0'))?.message).toBe("Bad SSH2 cipher spec '^aes128-cbc'.");
    expect(eff(res('Ciphers', '^aes128-cbc', '8.1'))?.[0]).toBe('aes128-cbc');
  });

  it('wildcards: key keywords expand them (7.8+) in table order, the others refuse them', () => {
    expect(err(res('Ciphers', 'aes*-ctr', '9.2'))).toMatchObject({ stage: 'parse', name: 'aes*-ctr' });
    expect(err(res('KexAlgorithms', 'curve25519-*', '9.2'))?.detail).toBe('Unsupported KEX algorithm "curve25519-*"');
    expect(eff(res('Ciphers', '-*cbc,arcfour,bogus', '9.2'))).toEqual(defaultAlgorithms('cipher', '9.2', 'server'));
    expect(eff(res('PubkeyAcceptedAlgorithms', 'rsa-sha2-*', '9.2'))).toEqual([
      'rsa-sha2-256', 'rsa-sha2-256-cert-v01@openssh.com', 'rsa-sha2-512', 'rsa-sha2-512-cert-v01@openssh.com',
    ]);
    const old = res('PubkeyAcceptedAlgorithms', 'ssh-ed25519*', '7.7');
    expect(old).toEqual({
      ok: true,
      effective: ['ssh-ed25519*'],
      added: ['ssh-ed25519*'],
      removed: defaultAlgorithms('key', '7.7', 'server'),
      unexpanded: true,
    });
  });

  it('unknown names: fatal when named, silently ignored after an empty element or in a `-` list', () => {
    expect(err(res('MACs', 'hmac-ripemd160', '7.5'))).toBeUndefined();
    expect(err(res('MACs', 'hmac-ripemd160', '7.6'))).toMatchObject({ message: "Bad SSH2 mac spec 'hmac-ripemd160'.", name: 'hmac-ripemd160' });
    expect(err(res('MACs', 'hmac-ripemd160', '7.6', 'client'))?.message).toBe("Bad SSH2 Mac spec 'hmac-ripemd160'.");
    expect(err(res('MACs', 'hmac-ripemd160', '8.1', 'client'))?.message).toBe("Bad SSH2 MAC spec 'hmac-ripemd160'.");
    expect(eff(res('Ciphers', 'aes128-ctr,,bogus', '10.5'))).toEqual(['aes128-ctr']);
    expect(err(res('PubkeyAcceptedAlgorithms', '+ssh-dss', '9.7'))).toBeUndefined();
    expect(err(res('PubkeyAcceptedAlgorithms', '+ssh-dss', '10.0'))).toMatchObject({
      message: "Bad key types '+ssh-dss'.",
      name: 'ssh-dss',
    });
  });

  it('an empty first element passes the check, and fails at assembly; Ciphers/MACs refuse it from 10.4', () => {
    expect(eff(res('Ciphers', ',aes128-ctr', '10.3'))).toEqual(['aes128-ctr']);
    expect(err(res('Ciphers', ',aes128-ctr', '10.4'))?.stage).toBe('parse');
    expect(eff(res('KexAlgorithms', ',curve25519-sha256', '10.5'))).toEqual(['curve25519-sha256']);
    expect(err(res('KexAlgorithms', ',', '9.2'))).toEqual({ message: 'assemble_algorithms: kex_algorithms: invalid argument', stage: 'assemble' });
    expect(err(res('KexAlgorithms', ',', '9.2', 'client'))?.message).toBe('fill_default_options: kex_algorithms: invalid argument');
  });

  it('short names pass the check up to 9.8 but select nothing', () => {
    expect(err(res('PubkeyAcceptedAlgorithms', 'rsa', '9.8'))?.message).toBe(
      'assemble_algorithms: pubkey_accepted_algos: invalid argument',
    );
    expect(err(res('PubkeyAcceptedAlgorithms', 'rsa', '8.4'))?.message).toBe('assemble_algorithms: pubkey_key_types: invalid argument');
    expect(eff(res('PubkeyAcceptedAlgorithms', 'ssh-ed25519,ECDSA', '9.8'))).toEqual(['ssh-ed25519']);
    expect(err(res('PubkeyAcceptedAlgorithms', 'RSA', '9.9'))).toMatchObject({ stage: 'parse', name: 'RSA' });
  });

  it('negations: an error in a list, harmless in a `-` list', () => {
    expect(err(res('HostKeyAlgorithms', 'ecdsa*,!ecdsa-sha2-nistp521', '9.2'))).toMatchObject({
      stage: 'assemble',
      name: '!ecdsa-sha2-nistp521',
    });
    expect(err(res('HostKeyAlgorithms', '!ssh-rsa', '9.2', 'client'))?.message).toBe('ssh_kex2: kex_assemble_namelist: invalid argument');
    expect(err(res('Ciphers', '!aes128-ctr', '9.2'))?.stage).toBe('parse');
    expect(eff(res('Ciphers', '-!aes128-ctr', '9.2'))).toEqual(defaultAlgorithms('cipher', '9.2', 'server'));
  });

  it('CASignatureAlgorithms: from 7.9; certificate names refused at parse from 9.4, at assembly before', () => {
    expect(err(res('CASignatureAlgorithms', 'ssh-ed25519', '7.8'))?.message).toMatch(/Bad configuration option/);
    expect(err(res('CASignatureAlgorithms', 'ssh-ed25519-cert-v01@openssh.com', '9.3'))?.stage).toBe('assemble');
    expect(err(res('CASignatureAlgorithms', 'ssh-ed25519-cert-v01@openssh.com', '9.4'))).toMatchObject({
      stage: 'parse',
      name: 'ssh-ed25519-cert-v01@openssh.com',
    });
    expect(eff(res('CASignatureAlgorithms', '+ssh-rsa', '9.2'))?.at(-1)).toBe('ssh-rsa');
  });

  it('duplicates drop, first wins; `^` moves names to the front; `-` may empty the list', () => {
    expect(eff(res('Ciphers', 'aes128-ctr,aes256-ctr,aes128-ctr', '9.2'))).toEqual(['aes128-ctr', 'aes256-ctr']);
    const caret = res('Ciphers', '^aes256-ctr,aes128-cbc', '9.2');
    expect(eff(caret)?.slice(0, 3)).toEqual(['aes256-ctr', 'aes128-cbc', 'chacha20-poly1305@openssh.com']);
    expect(caret.ok && caret.added).toEqual(['aes128-cbc']);
    expect(res('Ciphers', '-*', '9.2')).toMatchObject({ ok: true, effective: [] });
    expect(err(res('Ciphers', '', '9.2'))?.message).toBe('Ciphers missing argument.');
    expect(err(res('Ciphers', '', '8.6'))?.message).toBe('Missing argument.');
    expect(err(res('HostKeyAlgorithms', '', '9.2'))?.message).toBe('Missing argument.');
  });

  it('accepts a class for the keyword, and the old spellings', () => {
    expect(resolveAlgorithmList('key', '+ssh-rsa', '9.2', 'server')).toEqual(res('PubkeyAcceptedAlgorithms', '+ssh-rsa', '9.2'));
    expect(algorithmKeyword('PubkeyAcceptedKeyTypes', 'server')).toBe('PubkeyAcceptedAlgorithms');
    expect(algorithmKeyword('hostbasedkeytypes', 'client')).toBe('HostbasedAcceptedAlgorithms');
    expect(algorithmKeyword('hostbasedkeytypes', 'server')).toBeUndefined();
  });

  it('match_pattern_list', () => {
    expect(matchPatternList('aes128-ctr', 'aes*')).toBe(1);
    expect(matchPatternList('aes128-ctr', 'aes???-ctr')).toBe(1);
    expect(matchPatternList('aes128-ctr', 'AES*')).toBe(0);
    expect(matchPatternList('aes128-ctr', '*,!aes128*')).toBe(-1);
    expect(matchPatternList('aes128-ctr', '')).toBe(0);
    expect(matchPatternList('a', 'b,,a')).toBe(1);
  });
});

// ----------------------------------------------------------- real OpenSSH 9.2

const SSHD = '/usr/sbin/sshd';
const SSH = '/usr/bin/ssh';
const SSH_KEYGEN = '/usr/bin/ssh-keygen';
const ENV = { ...process.env, LC_ALL: 'C', LANG: 'C' };

function opensshUsable(): boolean {
  try {
    for (const bin of [SSHD, SSH, SSH_KEYGEN]) accessSync(bin, constants.X_OK);
  } catch {
    return false;
  }
  return process.getuid?.() === 0 || existsSync('/run/sshd');
}

function run(cmd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { env: ENV, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The binary's release ("9.2"), from `ssh -V`. */
function binaryRelease(): string | undefined {
  return /OpenSSH_(\d+\.\d+)/.exec(run(SSH, ['-V']).stderr)?.[1];
}

const describeWithOpenSSH: (name: string, body: () => void) => void = (name, body) => {
  if (opensshUsable()) describe(name, body);
  else if (process.env.CI) {
    describe(name, () => {
      it('needs OpenSSH', () => {
        throw new Error(`OpenSSH (${SSHD}, ${SSH}, ${SSH_KEYGEN}) and root or /run/sshd are required on CI`);
      });
    });
  } else describe.skip(`${name} (OpenSSH not available)`, body);
};

const SERVER_FIELD: Record<AlgorithmKeyword, string> = {
  Ciphers: 'ciphers',
  MACs: 'macs',
  KexAlgorithms: 'kexalgorithms',
  HostKeyAlgorithms: 'hostkeyalgorithms',
  PubkeyAcceptedAlgorithms: 'pubkeyacceptedalgorithms',
  HostbasedAcceptedAlgorithms: 'hostbasedacceptedalgorithms',
  CASignatureAlgorithms: 'casignaturealgorithms',
};
const KEYWORDS = Object.keys(SERVER_FIELD) as AlgorithmKeyword[];
const CLASS_OF: Record<AlgorithmKeyword, AlgorithmClass> = {
  Ciphers: 'cipher',
  MACs: 'mac',
  KexAlgorithms: 'kex',
  HostKeyAlgorithms: 'key',
  PubkeyAcceptedAlgorithms: 'key',
  HostbasedAcceptedAlgorithms: 'key',
  CASignatureAlgorithms: 'sig',
};

/** The value as one configuration word (the tokenizer splits on blanks unless quoted). */
const configWord = (value: string): string => (/\s/.test(value) ? `"${value}"` : value);

/** Edits whose outcome sshd -T / ssh -G must confirm. */
const EDITS: Record<AlgorithmKeyword, readonly string[]> = {
  Ciphers: [
    'aes128-ctr', 'aes256-gcm@openssh.com,aes128-ctr', '+aes128-cbc', '+3des-cbc,aes256-cbc', '+aes128-ctr',
    '-chacha20-poly1305@openssh.com', '-*cbc', '-*', '-', '-bogus,arcfour', '-!aes128-ctr', '^aes256-cbc', '^aes128-ctr',
    'aes128-ctr,aes128-ctr', ',aes128-ctr', 'aes128-ctr,', 'aes128-ctr,,bogus', '+aes128-cbc,,aes256-cbc',
    '^aes128-cbc,,bogus', 'aes*', 'none', '+none', 'arcfour', 'rijndael-cbc@lysator.liu.se', '+', '^', 'AES128-CTR',
    '!aes128-ctr', 'aes128-ctr aes256-ctr',
  ],
  MACs: [
    'hmac-sha2-256-etm@openssh.com', '-hmac-sha1*,umac-64*', '+hmac-md5', '^hmac-sha2-512', 'hmac-ripemd160',
    'hmac-sha2-*', '-*-etm@openssh.com', 'none',
  ],
  KexAlgorithms: [
    'curve25519-sha256', '-ecdh-*,diffie-hellman-group14-sha256', '+diffie-hellman-group14-sha1',
    '^diffie-hellman-group16-sha512', 'curve25519-*', ',', ',curve25519-sha256', 'mlkem768x25519-sha256',
    'sntrup4591761x25519-sha512@tinyssh.org', '-sntrup*', '+diffie-hellman-group1-sha1',
  ],
  HostKeyAlgorithms: [
    'ssh-ed25519', 'ssh-ed25519*', '+ssh-rsa', '-ecdsa*', '^rsa-sha2-512', 'RSA', 'ssh-ed25519,RSA',
    'ecdsa*,!ecdsa-sha2-nistp521', '!ssh-rsa', '*', 'bogus', '+ssh-dss', '*-cert-v01@openssh.com',
    'webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', 'ssh-mldsa44-ed25519@openssh.com', '-!ssh-rsa',
  ],
  PubkeyAcceptedAlgorithms: ['+ssh-rsa,ssh-rsa-cert-v01@openssh.com', '-*-cert-v01@openssh.com', 'rsa-sha2-*', 'sk-*', '^ssh-rsa'],
  HostbasedAcceptedAlgorithms: ['+ssh-dss', 'ssh-ed25519', '-*'],
  CASignatureAlgorithms: [
    'ssh-ed25519', '+ssh-rsa', '-ecdsa*,sk-ecdsa*', 'ssh-ed25519-cert-v01@openssh.com', '*-cert-v01@openssh.com',
    'rsa-*', 'ssh-mldsa44-ed25519@openssh.com', 'ED25519', '^ssh-rsa,ssh-dss',
  ],
};

describeWithOpenSSH('against the local OpenSSH binaries', () => {
  let dir: string;
  let hostKey: string;
  let release: string;
  /** Names the vendor build knows beyond upstream, per class (Debian 12: one KEX). */
  let extra: Record<AlgorithmClass, readonly string[]>;
  let n = 0;

  beforeAll(() => {
    if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    dir = mkdtempSync(join(tmpdir(), 'sshlint-alg-'));
    hostKey = join(dir, 'host_ed25519');
    const kg = run(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', hostKey]);
    if (kg.status !== 0) throw new Error(`ssh-keygen: ${kg.stderr}`);
    const r = binaryRelease();
    if (!r) throw new Error('cannot read the OpenSSH release from ssh -V');
    release = r;
    const q = run(SSH, ['-Q', 'kex']).stdout.split('\n').filter(Boolean);
    const vendorKex = VENDOR_NOTES.filter((v) => v.release === release && v.cls === 'kex').flatMap((v) => v.extraNames);
    extra = { cipher: [], mac: [], kex: vendorKex.filter((x) => q.includes(x)), key: [], sig: [] };
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Drops the vendor's extra names, so a vendor build compares with upstream. */
  const upstream = (cls: AlgorithmClass, names: readonly string[]) => names.filter((x) => !extra[cls].includes(x));

  function sshd(flag: '-t' | '-T', config: string): { status: number; stdout: string; stderr: string; file: string } {
    const file = join(dir, `sshd_config.${n++}`);
    writeFileSync(file, config);
    return { ...run(SSHD, [flag, '-f', file, '-h', hostKey]), file };
  }
  function sshG(config: string): { status: number; stdout: string; stderr: string; file: string } {
    const file = join(dir, `ssh_config.${n++}`);
    writeFileSync(file, config);
    return { ...run(SSH, ['-G', '-F', file, 'sshlint.invalid']), file };
  }
  const field = (out: string, name: string): string[] | undefined => {
    const line = out.split('\n').find((l) => l.startsWith(`${name} `) || l === name);
    return line === undefined ? undefined : line.slice(name.length + 1).split(',').filter(Boolean);
  };

  it('is a release the tables cover', () => {
    expect(ALGORITHM_RELEASES).toContain(release);
  });

  it('ssh -Q lists equal the tables, in order (vendor extras aside)', () => {
    const q = (what: string) => run(SSH, ['-Q', what]).stdout.split('\n').filter(Boolean);
    const sigOnly = new Set(SIGNATURE_ALGORITHMS.map((s) => s.name));
    expect(q('cipher')).toEqual(knownAlgorithms('cipher', release));
    expect(q('mac')).toEqual(knownAlgorithms('mac', release));
    const kex = q('kex');
    expect(upstream('kex', kex)).toEqual(knownAlgorithms('kex', release));
    expect(kex.filter((x) => !knownAlgorithms('kex', release).includes(x))).toEqual(extra.kex);
    expect(q('key-sig')).toEqual(knownAlgorithms('key', release));
    expect(q('key')).toEqual(knownAlgorithms('key', release).filter((x) => !sigOnly.has(x)));
    expect(q('sig')).toEqual(knownAlgorithms('sig', release));
  });

  it('sshd -t accepts every name the table says this release knows, keyword by keyword', () => {
    for (const kw of KEYWORDS) {
      const names = [...knownAlgorithms(CLASS_OF[kw], release), ...extra[CLASS_OF[kw]]];
      // sshd checks every line, and assembles the first one only.
      const r = sshd('-t', names.map((x) => `${kw} ${x}\n`).join(''));
      expect(r.status, `${kw}: ${r.stderr}`).toBe(0);
    }
  });

  it('sshd -t rejects names only other releases know, and the none cipher', () => {
    const checked: string[] = [];
    for (const kw of KEYWORDS) {
      const cls = CLASS_OF[kw];
      const others = new Set(ALGORITHM_RELEASES.flatMap((r) => knownAlgorithms(cls, r)));
      for (const e of algorithmCatalogue()) if (e.cls === cls) others.add(e.name);
      const rejected = [...others].filter((x) => !isKnownAlgorithm(cls, x, release) && !extra[cls].includes(x));
      expect(rejected.length, kw).toBeGreaterThan(0);
      for (const x of rejected) {
        const r = sshd('-t', `${kw} ${x}\n`);
        expect(r.status, `${kw} ${x} was accepted`).not.toBe(0);
        expect(resolveAlgorithmList(kw, x, release, 'server').ok, `${kw} ${x}`).toBe(false);
        checked.push(`${kw} ${x}`);
      }
    }
    expect(checked).toContain('Ciphers none');
    expect(checked).toContain('Ciphers arcfour');
    expect(checked).toContain('MACs hmac-ripemd160');
  });

  it('tokenizer, not list syntax: a blank after a comma makes a second word', () => {
    const r = sshd('-t', 'Ciphers aes128-ctr, aes256-ctr\n');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('extra arguments at end of line');
  });

  it('sshd -T of an empty config shows the server defaults', () => {
    const r = sshd('-T', '');
    expect(r.status, r.stderr).toBe(0);
    for (const kw of KEYWORDS) {
      const cls = CLASS_OF[kw];
      expect(upstream(cls, field(r.stdout, SERVER_FIELD[kw]) ?? []), kw).toEqual(defaultAlgorithms(cls, release, 'server'));
    }
  });

  it('ssh -G of an empty config shows the client defaults', () => {
    const r = sshG('');
    expect(r.status, r.stderr).toBe(0);
    for (const kw of KEYWORDS) {
      const cls = CLASS_OF[kw];
      expect(upstream(cls, field(r.stdout, SERVER_FIELD[kw]) ?? []), kw).toEqual(defaultAlgorithms(cls, release, 'client'));
    }
  });

  it('sshd -T agrees with resolveAlgorithmList on +, -, ^ edits, wildcards and errors', () => {
    for (const kw of KEYWORDS) {
      const cls = CLASS_OF[kw];
      for (const value of EDITS[kw]) {
        const label = `${kw} ${value}`;
        const want = resolveAlgorithmList(kw, value, release, 'server');
        const r = sshd('-T', `${kw} ${configWord(value)}\n`);
        if (!want.ok) {
          expect(r.status, `${label}: sshd accepted it`).not.toBe(0);
          const expected = want.error.stage === 'parse' ? `${r.file} line 1: ${want.error.message}` : want.error.message;
          expect(r.stderr, label).toContain(expected);
          if (want.error.detail) expect(r.stderr, label).toContain(want.error.detail);
          continue;
        }
        expect(r.status, `${label}: ${r.stderr}`).toBe(0);
        // sshd -T assembles a second time (copy_set_server_options), which turns an
        // empty result back into the default.
        const expected = want.effective.length ? want.effective : defaultAlgorithms(cls, release, 'server');
        expect(upstream(cls, field(r.stdout, SERVER_FIELD[kw]) ?? []), label).toEqual(expected);
      }
    }
  });

  it('ssh -G agrees with resolveAlgorithmList on the same edits', () => {
    for (const kw of KEYWORDS) {
      const cls = CLASS_OF[kw];
      for (const value of EDITS[kw]) {
        const label = `${kw} ${value}`;
        const want = resolveAlgorithmList(kw, value, release, 'client');
        const r = sshG(`${kw} ${configWord(value)}\n`);
        if (!want.ok) {
          if (want.error.stage === 'parse') {
            expect(r.status, `${label}: ssh accepted it`).not.toBe(0);
            expect(r.stderr, label).toContain(`${r.file} line 1: ${want.error.message}`);
          } else if (kw === 'HostKeyAlgorithms') {
            // ssh -G expands HostKeyAlgorithms itself (ssh_kex2 does it when connecting).
            expect(r.status, label).not.toBe(0);
            expect(r.stderr, label).toContain('dump_client_config: expand HostKeyAlgorithms: invalid argument');
          } else {
            // 8.5–10.3: fill_default_options() logs the error and carries on.
            expect(r.stderr, label).toContain(want.error.message);
            expect(field(r.stdout, SERVER_FIELD[kw]), label).toBeUndefined();
          }
          continue;
        }
        expect(r.status, `${label}: ${r.stderr}`).toBe(0);
        expect(upstream(cls, field(r.stdout, SERVER_FIELD[kw]) ?? []), label).toEqual(want.effective);
      }
    }
  });
});
