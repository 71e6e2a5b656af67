/**
 * The keyword tables: (a) internal consistency, (b) agreement with the real
 * OpenSSH binaries on this machine (Debian 12: 9.2p1 built with PAM, GSSAPI,
 * Kerberos, the Debian patches).
 *
 * Oracle runs batch every keyword of a table into one config file and read
 * the per-line messages back: sshd/ssh name the line in everything they say
 * about a keyword ("FILE: line N: Bad configuration option: X", "FILE line
 * N: Deprecated option X", fatal value errors). A fatal error stops the
 * parse, so the harness drops the offending line, records it, and reruns.
 * SSHLINT_DEBUG_KEYWORDS=1 prints every batch line with what the binary said.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildProfile, Release } from '../../src/openssh/releases.js';
import {
  atRelease,
  BUILD_PROFILES,
  changePoints,
  DEBIAN_BUILD,
  inRange,
  isRelease,
  MINIMAL_BUILD,
  RELEASES,
} from '../../src/openssh/releases.js';
import {
  SSH_KEYWORDS,
  sshKeyword,
  sshKeywordCounts,
  sshKeywordsAt,
} from '../../src/openssh/ssh-keywords.js';
import {
  SSHD_KEYWORDS,
  sshdKeyword,
  sshdKeywordCounts,
  sshdKeywordsAt,
} from '../../src/openssh/sshd-keywords.js';
import type { KeywordFacts, ResolvedKeywordFacts, ValueGrammar } from '../../src/openssh/value-grammar.js';
import {
  acceptsNoArguments,
  argumentCount,
  diagnosticSeverity,
  flagValues,
  ipqosNames,
  statusAt,
} from '../../src/openssh/value-grammar.js';

// ====================================================================== (a)

const TABLES: [string, readonly KeywordFacts[]][] = [
  ['sshd', SSHD_KEYWORDS],
  ['ssh', SSH_KEYWORDS],
];

function versionedKeys(value: unknown): Release[] {
  return changePoints(value as never);
}

describe.each(TABLES)('%s keyword table', (program, table) => {
  const lookup = program === 'sshd' ? sshdKeyword : sshKeyword;

  it('has unique, well-formed names', () => {
    const seen = new Set<string>();
    for (const k of table) {
      expect(k.name, k.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(seen.has(k.name.toLowerCase()), `duplicate ${k.name}`).toBe(false);
      seen.add(k.name.toLowerCase());
    }
  });

  it('keeps since < removedIn and every timeline inside the known range', () => {
    for (const k of table) {
      if (k.since && k.removedIn) expect(RELEASES.indexOf(k.since)).toBeLessThan(RELEASES.indexOf(k.removedIn));
      const fields: unknown[] = [k.status, k.requires, k.withoutFeature, k.aliasOf, k.grammar, k.accumulation, k.default, k.sample];
      if ('match' in k) fields.push((k as { match: unknown }).match);
      for (const field of fields) {
        for (const from of versionedKeys(field)) {
          expect(isRelease(from), `${k.name}: ${from}`).toBe(true);
          expect(inRange(from, k.since, k.removedIn), `${k.name}: change at ${from} outside its lifetime`).toBe(true);
        }
      }
      // A timeline must cover the keyword's first release.
      const first = k.since ?? RELEASES[0];
      for (const field of [k.grammar, k.accumulation, k.status, k.aliasOf, k.default]) {
        const keys = versionedKeys(field);
        if (keys.length) expect(keys[0], `${k.name}: timeline starts at ${keys[0]}, keyword at ${first}`).toBe(first);
      }
    }
  });

  it('uses since/removedIn for the envelope and "unknown" only for interior gaps', () => {
    for (const k of table) {
      if (k.distro) {
        expect(k.since, k.name).toBeUndefined();
        expect(k.removedIn, k.name).toBeUndefined();
      }
      for (const r of RELEASES) {
        if (!inRange(r, k.since, k.removedIn)) continue;
        const s = k.status === undefined ? 'active' : atRelease(k.status, r);
        if (s === 'unknown') {
          expect(r, `${k.name} unknown at the edge of its range`).not.toBe(k.since ?? RELEASES[0]);
        }
      }
    }
  });

  it('resolves every keyword in every release and build, with a consistent shape', () => {
    for (const build of Object.values(BUILD_PROFILES)) {
      for (const r of RELEASES) {
        for (const k of table) {
          const resolved = lookup(k.name, r, build);
          const status = statusAt(k, r, build);
          if (status === 'unknown') {
            expect(resolved, `${k.name} ${r}`).toBeUndefined();
            continue;
          }
          expect(resolved, `${k.name} ${r}`).toBeDefined();
          if (!resolved) continue;
          expect(resolved.status).toBe(status);
          if (resolved.status === 'active' || resolved.status === 'rejected') {
            expect(resolved.grammar.kind, `${k.name} ${r}`).not.toBe('ignored');
            expect(resolved.accumulation, `${k.name} ${r}`).not.toBe('none');
          } else {
            expect(resolved.grammar.kind).toBe('ignored');
            expect(resolved.accumulation).toBe('none');
          }
          expect(resolved.sample.length, `${k.name} ${r}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('finds keywords case-insensitively and rejects unknown names', () => {
    expect(lookup(table[0]!.name.toUpperCase(), '10.5')?.name).toBe(table[0]!.name);
    expect(lookup('NoSuchKeyword', '9.2')).toBeUndefined();
  });

  it('points aliases at a keyword that is active and not itself an alias', () => {
    for (const build of [DEBIAN_BUILD, MINIMAL_BUILD]) {
      for (const r of RELEASES) {
        for (const k of table) {
          const resolved = lookup(k.name, r, build);
          if (!resolved?.aliasOf || resolved.status !== 'active') continue;
          const target = lookup(resolved.aliasOf, r, build);
          expect(target, `${k.name} -> ${resolved.aliasOf} at ${r}`).toBeDefined();
          expect(target?.status, `${k.name} -> ${resolved.aliasOf} at ${r}`).toBe('active');
          expect(target?.aliasOf, `${k.name} -> ${resolved.aliasOf} at ${r}`).toBeUndefined();
          expect(target?.name).toBe(resolved.aliasOf);
          expect(resolved.grammar, `${k.name}: grammar differs from ${resolved.aliasOf} at ${r}`).toEqual(target?.grammar);
        }
      }
    }
  });

  it('has choice lists without duplicates, lower-case unless case-sensitive', () => {
    for (const k of table) {
      const grammars: ValueGrammar[] = 'byRelease' in k.grammar ? (Object.values(k.grammar.byRelease) as ValueGrammar[]) : [k.grammar];
      for (const g of grammars) {
        if (g.kind !== 'choice') continue;
        const lower = g.values.map((v) => v.toLowerCase());
        expect(new Set(lower).size, k.name).toBe(g.values.length);
      }
    }
  });

  it('gives defaults only to settings', () => {
    for (const k of table) {
      if (k.default === undefined) continue;
      const grammars: ValueGrammar[] = 'byRelease' in k.grammar ? (Object.values(k.grammar.byRelease) as ValueGrammar[]) : [k.grammar];
      for (const g of grammars) expect(['ignored', 'match', 'include', 'host-patterns'], k.name).not.toContain(g.kind);
    }
  });

  it('counts keywords per release (reported)', () => {
    const counts = program === 'sshd' ? sshdKeywordCounts() : sshKeywordCounts();
    for (const r of RELEASES) expect(counts[r]).toBeGreaterThan(90);
  });
});

describe('table facts that the source reading established', () => {
  it('sshd: lifecycle landmarks', () => {
    expect(sshdKeyword('UsePrivilegeSeparation', '7.4')?.status).toBe('active');
    expect(sshdKeyword('UsePrivilegeSeparation', '7.5')?.status).toBe('deprecated');
    expect(sshdKeyword('PAMAuthenticationViaKbdInt', '10.3')?.status).toBe('deprecated');
    expect(sshdKeyword('PAMAuthenticationViaKbdInt', '10.4')).toBeUndefined();
    expect(sshdKeyword('KerberosTgtPassing', '10.3')?.status).toBe('unsupported');
    expect(sshdKeyword('KerberosTgtPassing', '10.4')?.status).toBe('deprecated');
    expect(sshdKeyword('GSSAPIAuthentication', '10.4')).toBeUndefined();
    expect(sshdKeyword('GssAuthentication', '10.4')?.status).toBe('active');
    expect(sshdKeyword('GSSAPIAuthentication', '10.5')?.status).toBe('active');
    expect(sshdKeyword('GSSAPIAuthentication', '9.2', MINIMAL_BUILD)?.status).toBe('unsupported');
    expect(sshdKeyword('KerberosGetAFSToken', '9.2')?.status).toBe('unsupported');
    expect(sshdKeyword('RDomain', '8.2')?.status).toBe('active');
    expect(sshdKeyword('RDomain', '8.3')?.status).toBe('rejected');
    expect(sshdKeyword('RDomain', '8.3', BUILD_PROFILES.openbsd)?.status).toBe('active');
    expect(sshdKeyword('SKeyAuthentication', '7.9')?.status).toBe('deprecated');
    expect(sshdKeyword('SKeyAuthentication', '8.7')?.aliasOf).toBe('KbdInteractiveAuthentication');
    expect(sshdKeyword('ChallengeResponseAuthentication', '8.6')?.aliasOf).toBeUndefined();
    expect(sshdKeyword('GSSAPIKexAlgorithms', '9.2', MINIMAL_BUILD)).toBeUndefined();
    expect(sshdKeyword('GSSAPIKexAlgorithms', '9.2')?.status).toBe('active');
  });

  it('sshd: Match and accumulation landmarks', () => {
    expect(sshdKeyword('Subsystem', '9.4')?.allowedInMatch).toBe(false);
    expect(sshdKeyword('Subsystem', '9.5')?.allowedInMatch).toBe(true);
    expect(sshdKeyword('Subsystem', '9.4')?.accumulation).toBe('unique-name');
    expect(sshdKeyword('PAMServiceName', '10.4')?.allowedInMatch).toBe(false);
    expect(sshdKeyword('PAMServiceName', '10.5')?.allowedInMatch).toBe(true);
    expect(sshdKeyword('LogLevel', '7.5')?.allowedInMatch).toBe(false);
    expect(sshdKeyword('Ciphers', '10.5')?.allowedInMatch).toBe(false);
    expect(sshdKeyword('SetEnv', '9.2')?.accumulation).toBe('first-line-wins');
    expect(sshdKeyword('LogVerbose', '8.6')?.accumulation).toBe('appends');
    expect(sshdKeyword('LogVerbose', '8.7')?.accumulation).toBe('first-line-wins');
    expect(sshdKeyword('AllowUsers', '9.2')?.accumulation).toBe('appends');
    expect(sshdKeyword('RevokedKeys', '10.3')?.accumulation).toBe('first-line-wins');
    expect(sshdKeyword('MaxStartups', '10.0')?.accumulation).toBe('last-wins');
    expect(sshdKeyword('PermitRootLogin', '9.2')?.default).toBe('prohibit-password');
    expect(sshdKeyword('ChallengeResponseAuthentication', '9.2')?.default).toBeUndefined();
  });

  it('ssh: lifecycle landmarks', () => {
    expect(sshKeyword('HostbasedAcceptedAlgorithms', '8.6')).toBeUndefined();
    expect(sshKeyword('HostbasedAlgorithms', '8.6')?.status).toBe('active');
    expect(sshKeyword('HostbasedAcceptedAlgorithms', '8.7')?.status).toBe('active');
    expect(sshKeyword('RSAAuthentication', '7.5', MINIMAL_BUILD)?.status).toBe('unsupported');
    expect(sshKeyword('RSAAuthentication', '7.4')?.status).toBe('active');
    expect(sshKeyword('UseRoaming', '9.2')?.status).toBe('deprecated');
    expect(sshKeyword('Protocol', '9.2')?.status).toBe('ignored');
    expect(sshKeyword('KerberosAuthentication', '9.2')?.status).toBe('unsupported');
    expect(sshKeyword('CheckHostIP', '8.4')?.default).toBe('yes');
    expect(sshKeyword('CheckHostIP', '8.5')?.default).toBe('no');
    expect(sshKeyword('SendEnv', '9.2')?.accumulation).toBe('appends');
    expect(sshKeyword('SetEnv', '9.2')?.accumulation).toBe('first-line-wins');
    expect(sshKeyword('IdentityFile', '9.2')?.accumulation).toBe('appends');
  });

  it('value-grammar helpers', () => {
    expect(flagValues('sshd', '7.6').caseSensitive).toBe(true);
    expect(flagValues('sshd', '7.7').values).toEqual(['yes', 'no']);
    expect(flagValues('ssh', '7.4').values).toContain('true');
    expect(ipqosNames('7.5')).not.toContain('none');
    expect(ipqosNames('10.3')).toContain('va');
    expect(argumentCount({ kind: 'flag' })).toEqual({ min: 1, max: 1 });
    expect(argumentCount({ kind: 'rest-of-line' }).max).toBe(Infinity);
    expect(diagnosticSeverity('sshd', '8.6', 'extra-arguments')).toBe('fatal');
    expect(diagnosticSeverity('sshd', '8.7', 'extra-arguments')).toBe('error');
    expect(diagnosticSeverity('ssh', '8.4', 'invalid-value')).toBe('fatal');
    expect(diagnosticSeverity('ssh', '8.5', 'invalid-value')).toBe('error');
    expect(diagnosticSeverity('ssh', '9.2', 'invalid-value', { kind: 'permit-remote-open' })).toBe('fatal');
    expect(diagnosticSeverity('sshd', '9.2', 'deprecated')).toBe('warning');
    expect(diagnosticSeverity('ssh', '9.2', 'deprecated')).toBe('debug');
  });
});

// ====================================================================== (b)

const SSHD = '/usr/sbin/sshd';
const SSH = '/usr/bin/ssh';
const SSH_KEYGEN = '/usr/bin/ssh-keygen';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface LocalOpenSSH {
  release: Release;
  build: BuildProfile;
}

/** The local binaries' release and build, or a reason they can't serve as the oracle. */
function detectOpenSSH(): LocalOpenSSH | string {
  if (![SSHD, SSH, SSH_KEYGEN].every(executable)) return `missing ${SSHD}, ${SSH} or ${SSH_KEYGEN}`;
  const version = spawnSync(SSH, ['-V'], { encoding: 'utf8' }).stderr;
  const m = /OpenSSH_(\d+\.\d+)p\d+ (Debian|Ubuntu)/.exec(version);
  if (!m || !isRelease(m[1]!)) return `not a Debian/Ubuntu build of a covered release: ${version.trim()}`;
  return { release: m[1], build: DEBIAN_BUILD };
}

const local = detectOpenSSH();
if (typeof local === 'string' && process.env.CI) {
  throw new Error(`OpenSSH oracle unavailable on CI: ${local} (run scripts/install-test-deps.sh)`);
}
const describeOracle = typeof local === 'string' ? describe.skip : describe;

interface LineReport {
  /** Messages that name this line. */
  messages: string[];
  /** The run stopped at this line (fatal). */
  fatal: boolean;
}

let workDir = '';
let hostKey = '';

/**
 * Runs `run(lines)` until nothing is fatal any more: a fatal line is recorded
 * and replaced by a comment so that the line numbers of the rest stay put.
 */
function collect(lines: string[], run: (file: string) => { output: string; status: number | null }): LineReport[] {
  const reports: LineReport[] = lines.map(() => ({ messages: [], fatal: false }));
  const current = [...lines];
  for (let round = 0; round <= lines.length; round++) {
    const file = join(workDir, `batch-${round}.conf`);
    writeFileSync(file, `${current.join('\n')}\n`);
    const { output, status } = run(file);
    const byLine = new Map<number, string[]>();
    for (const raw of output.split(/\r?\n/)) {
      const m = /line (\d+):? (.*)$/.exec(raw);
      if (!m || !raw.includes(file)) continue;
      const n = Number(m[1]);
      byLine.set(n, [...(byLine.get(n) ?? []), m[2]!.trim()]);
    }
    // A fatal error is the last thing printed, exits non-zero and is not the end-of-file summary.
    const terminated = /terminating, \d+ bad configuration options/.test(output);
    const tail = output.trim().split(/\r?\n/).pop() ?? '';
    const tailLine = /line (\d+):? /.exec(tail);
    let fatalLine: number | undefined;
    if (status !== 0 && !terminated) {
      if (!tailLine || !tail.includes(file)) throw new Error(`fatal error not attributed to a line: ${tail}`);
      fatalLine = Number(tailLine[1]);
    }
    for (const [n, messages] of byLine) {
      const report = reports[n - 1];
      if (report && !current[n - 1]!.startsWith('#')) report.messages.push(...messages);
    }
    if (fatalLine === undefined) break;
    reports[fatalLine - 1]!.fatal = true;
    current[fatalLine - 1] = '# (fatal, removed)';
  }
  // Messages repeat across rounds; keep one copy.
  for (const r of reports) r.messages = [...new Set(r.messages)];
  if (process.env.SSHLINT_DEBUG_KEYWORDS) {
    lines.forEach((line, i) => console.log(`${line}  =>  ${reports[i]!.fatal ? 'FATAL ' : ''}${reports[i]!.messages.join(' | ')}`));
  }
  return reports;
}

function runSshd(file: string) {
  const r = spawnSync(SSHD, ['-t', '-f', file, '-h', hostKey], { encoding: 'utf8', timeout: 10_000 });
  return { output: `${r.stdout}${r.stderr}`, status: r.status };
}

function runSsh(file: string) {
  const r = spawnSync(SSH, ['-v', '-G', '-F', file, 'sshlint.example'], {
    encoding: 'utf8',
    timeout: 10_000,
    input: '',
    env: { ...process.env, HOME: workDir },
  });
  return { output: `${r.stdout}${r.stderr}`, status: r.status };
}

/** Every table name, with the sample value of its resolved entry (or "yes" for unknown ones). */
function batchLines<T extends KeywordFacts>(
  table: readonly T[],
  resolve: (name: string) => ResolvedKeywordFacts | undefined,
  overrides: Record<string, string> = {},
): { lines: string[]; names: string[] } {
  const structural = (n: string) => ['match', 'host'].includes(n.toLowerCase());
  const ordered = [...table.filter((k) => !structural(k.name)), ...table.filter((k) => structural(k.name))];
  const names = ordered.map((k) => k.name);
  const lines = names.map((name) => `${name} ${overrides[name] ?? resolve(name)?.sample ?? 'yes'}`);
  return { lines, names };
}

/** What the tables predict a line's messages are, given its status. */
function expectLine(name: string, resolved: ResolvedKeywordFacts | undefined, report: LineReport, program: 'sshd' | 'ssh') {
  const joined = report.messages.join(' | ');
  const label = `${program} ${name}: ${joined || '(silent)'}`;
  if (!resolved) {
    expect(joined, label).toMatch(/Bad configuration option/i);
    return;
  }
  expect(joined, label).not.toMatch(/Bad configuration option/i);
  switch (resolved.status) {
    case 'active':
      expect(report.fatal, label).toBe(false);
      expect(joined, label).not.toMatch(/Deprecated|Unsupported|unsupported|invalid|Bad |extra arguments|missing/);
      break;
    case 'rejected':
      expect(report.fatal, label).toBe(true);
      break;
    case 'deprecated':
      expect(joined, label).toMatch(/Deprecated option/);
      break;
    case 'unsupported':
      expect(joined, label).toMatch(/Unsupported option/);
      break;
    case 'ignored':
      expect(joined, label).toBe('');
      break;
  }
}

describeOracle('against the local OpenSSH binaries', () => {
  const { release, build } = local as LocalOpenSSH;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'sshlint-keywords-'));
    hostKey = join(workDir, 'host_ed25519');
    const keygen = spawnSync(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey], { encoding: 'utf8' });
    if (keygen.status !== 0) throw new Error(`ssh-keygen failed: ${keygen.stderr}`);
    try {
      mkdirSync('/run/sshd', { recursive: true });
    } catch {
      // Not root: sshd -t may still work if the directory exists.
    }
  });

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('sshd -t agrees with the table for every keyword', () => {
    const resolve = (name: string) => sshdKeyword(name, release, build);
    const { lines, names } = batchLines(SSHD_KEYWORDS, resolve);
    const reports = collect(lines, runSshd);
    names.forEach((name, i) => expectLine(name, resolve(name), reports[i]!, 'sshd'));
  });

  it('sshd: a keyword inside "Match User" is fatal iff the table says global-only', () => {
    const known = sshdKeywordsAt(release, build).filter((k) => k.status !== 'rejected' && k.name !== 'Match');
    const inMatch = known.filter((k) => k.allowedInMatch);
    const globalOnly = known.filter((k) => !k.allowedInMatch);
    // Allowed ones: one batch under one Match block; nothing may complain about Match.
    const lines = ['Match User sshlint-nobody', ...inMatch.map((k) => `${k.name} ${k.sample}`)];
    const reports = collect(lines, runSshd);
    inMatch.forEach((k, i) => {
      const joined = reports[i + 1]!.messages.join(' | ');
      expect(joined, `${k.name} in Match: ${joined}`).not.toMatch(/not allowed within a Match block/);
      expect(reports[i + 1]!.fatal, `${k.name} in Match: ${joined}`).toBe(false);
    });
    // Global-only ones are fatal, so one run each.
    for (const k of globalOnly) {
      const file = join(workDir, `match-${k.name}.conf`);
      writeFileSync(file, `Match User sshlint-nobody\n${k.name} ${k.sample}\n`);
      const { output, status } = runSshd(file);
      expect(output, `${k.name} in Match`).toMatch(new RegExp(`line 2: Directive '${k.name}' is not allowed within a Match block`, 'i'));
      expect(status).not.toBe(0);
    }
  });

  it('ssh -G agrees with the table for every keyword', () => {
    const resolve = (name: string) => sshKeyword(name, release, build);
    // Keep -G from doing anything but parse: no canonicalisation lookups.
    const { lines, names } = batchLines(SSH_KEYWORDS, resolve, { CanonicalizeHostname: 'no' });
    const reports = collect(lines, runSsh);
    names.forEach((name, i) => {
      const resolved = resolve(name);
      const report = reports[i]!;
      if (resolved?.status === 'deprecated') {
        // oDeprecated is debug-level: visible with -v only.
        expect(report.messages.join(' | '), name).toMatch(/Deprecated option/);
        return;
      }
      expectLine(name, resolved, report, 'ssh');
    });
  });

  it('recorded defaults are what sshd -T and ssh -G print for an empty config', () => {
    const home = userInfo().homedir;
    const normalise = (value: string) =>
      value
        .toLowerCase()
        .replace(/~\//g, `${home}/`)
        .replace(/^true$/, 'yes')
        .replace(/^false$/, 'no')
        .replace(/^without-password$/, 'prohibit-password')
        .replace(/^default none$/, '0 0');
    const dump = (text: string) => {
      const out = new Map<string, string>();
      for (const line of text.split(/\r?\n/)) {
        const m = /^(\S+) (.*)$/.exec(line);
        if (m && !out.has(m[1]!.toLowerCase())) out.set(m[1]!.toLowerCase(), m[2]!);
      }
      return out;
    };
    const empty = join(workDir, 'empty.conf');
    writeFileSync(empty, '');
    const sshdDump = dump(spawnSync(SSHD, ['-T', '-f', empty, '-h', hostKey], { encoding: 'utf8' }).stdout);
    const sshDump = dump(spawnSync(SSH, ['-G', '-F', empty, 'sshlint.example'], { encoding: 'utf8', input: '' }).stdout);
    let compared = 0;
    for (const [keywords, printed] of [
      [sshdKeywordsAt(release, build), sshdDump],
      [sshKeywordsAt(release, build), sshDump],
    ] as const) {
      for (const k of keywords) {
        if (k.default === undefined) continue;
        const shown = printed.get(k.name.toLowerCase());
        if (shown === undefined) continue; // not dumped by this release
        expect(normalise(shown), `${k.name}: printed "${shown}", table "${k.default}"`).toBe(normalise(k.default ?? 'none'));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('simple grammar kinds reject exactly what the binaries reject', () => {
    /** A second valid argument for kinds that take any number of them. */
    const another: Partial<Record<string, string>> = {
      words: 'extra',
      'user-patterns': 'extra',
      'group-patterns': 'extra',
      'env-names': 'EXTRA',
      'env-assignments': 'EXTRA=1',
      'path-list': '/extra',
      'permit-open': 'localhost:9',
      'permit-listen': 'localhost:9',
      'permit-remote-open': 'localhost:9',
      'authentication-methods': 'password',
      'pubkey-auth-options': 'touch-required',
      include: '/etc/ssh/sshlint-extra/*.conf',
      'canonical-domains': 'example.net',
      'permitted-cnames': '*.a.example:*.b.example',
      'known-hosts-files': '/etc/ssh/sshlint-extra',
      'rest-of-line': 'extra',
      subsystem: 'extra',
      'version-addendum': 'extra',
    };
    for (const [program, keywords, run] of [
      ['sshd', sshdKeywordsAt(release, build), runSshd],
      ['ssh', sshKeywordsAt(release, build), runSsh],
    ] as const) {
      const cases: { line: string; ok: boolean }[] = [];
      for (const k of keywords) {
        if (k.status !== 'active') continue;
        const g = k.grammar;
        const add = (value: string, ok: boolean) => cases.push({ line: `${k.name} ${value}`, ok });
        switch (g.kind) {
          case 'integer':
            add('0', true);
            add('007', true);
            add('-1', false);
            add('2147483648', false);
            add('1x', false);
            if (g.noneKeyword) add(g.noneKeyword, true);
            break;
          case 'time':
            add('1h30m', true);
            add('90S', true);
            add('2min', false);
            add('-5', false);
            if (g.none) add('none', true);
            break;
          case 'algorithms':
            if (g.list === 'gss-kex') break;
            add('sshlint-bogus', false);
            add('+sshlint-bogus', false);
            add('-sshlint-bogus', true);
            add(`^${k.sample.split(',')[0]}`, true);
            break;
          case 'path':
          case 'string':
            add('""', false);
            break;
        }
        // One argument too many.
        const { max } = argumentCount(g);
        const tokens = k.sample.split(' ').length;
        if (max !== Infinity && tokens === max) add(`${k.sample} extra`, false);
        const second = another[g.kind];
        if (max === Infinity && second !== undefined && g.kind !== 'words') add(`${k.sample} ${second}`, true);
        if (g.kind === 'words' && g.max === undefined) add(`${k.sample} ${second}`, true);
      }
      const reports = collect(
        cases.map((c) => c.line),
        run,
      );
      cases.forEach((c, i) => {
        const r = reports[i]!;
        const rejected = r.fatal || r.messages.some((m) => !/matched no files|Applying options/.test(m));
        expect(rejected, `${program}: "${c.line}": ${r.messages.join(' | ') || '(silent)'}`).toBe(!c.ok);
      });
      expect(cases.length).toBeGreaterThan(80);
    }
  });

  it('accumulation: what a second line does, as sshd -T / ssh -G show it', () => {
    /** Two different valid values whose dumped forms differ. */
    const twoValues = (g: ValueGrammar): [string, string] | undefined => {
      switch (g.kind) {
        case 'flag':
          return ['no', 'yes']; // "yes" first could switch on checks (ForkAfterAuthentication needs a command)
        case 'choice':
          return [g.values[g.values.length - 1]!, g.values[0]!];
        case 'integer':
          return ['3', '4'];
        case 'time':
          return ['600', '1200'];
        case 'path':
        case 'known-hosts-files':
        case 'path-list':
          return ['/etc/ssh/sshlint-a', '/etc/ssh/sshlint-b'];
        case 'string':
          return ['sshlint-a', 'sshlint-b'];
        case 'algorithms':
          return {
            cipher: ['aes128-ctr', 'aes256-ctr'],
            mac: ['hmac-sha2-256', 'hmac-sha2-512'],
            kex: ['curve25519-sha256', 'diffie-hellman-group14-sha256'],
            key: ['ssh-ed25519', 'rsa-sha2-512'],
            sig: ['ssh-ed25519', 'rsa-sha2-512'],
            'gss-kex': undefined,
          }[g.list] as [string, string] | undefined;
        case 'words':
          return ['kex.c:*:*', 'auth.c:*:*'];
        case 'log-level':
          return ['VERBOSE', 'DEBUG2'];
        case 'syslog-facility':
          return ['LOCAL0', 'LOCAL1'];
        case 'port':
          return ['2222', '2223'];
        case 'ipqos':
          return ['af21 cs1', 'af11 cs0'];
        case 'env-names':
          return ['SSHLINT_A', 'SSHLINT_B'];
        case 'env-assignments':
          return ['SSHLINT_A=1', 'SSHLINT_B=2'];
        case 'user-patterns':
        case 'group-patterns':
          return ['sshlint-a', 'sshlint-b'];
        case 'permit-open':
        case 'permit-listen':
        case 'permit-remote-open':
          return ['localhost:1', 'localhost:2'];
        case 'authentication-methods':
          return ['publickey', 'password'];
        case 'listen-address':
          return ['127.0.0.1:2222', '127.0.0.2:2222'];
        case 'max-startups':
          return ['10:30:100', '5:20:50'];
        case 'per-source-net-block-size':
          return ['24:64', '16:48'];
        case 'octal-mask':
          return ['0077', '0022'];
        case 'version-addendum':
          return ['sshlint-a', 'sshlint-b'];
        case 'pubkey-auth-options':
          return ['touch-required', 'verify-required'];
        case 'permit-user-environment':
          return ['SSHLINT_A', 'SSHLINT_B'];
        case 'escape-char':
          return ['%', '&'];
        case 'tunnel-device':
          return ['1:2', '3:4'];
        case 'canonical-domains':
          return ['a.example', 'b.example'];
        case 'add-keys-to-agent':
          return ['confirm', 'ask'];
        default:
          return undefined;
      }
    };
    const tokens = (text: string) =>
      text
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((t) => (t === 'true' ? 'yes' : t === 'false' ? 'no' : t === 'without-password' ? 'prohibit-password' : t))
        .map((t) => (/^0+\d/.test(t) ? t.replace(/^0+/, '') : t));
    let checked = 0;
    for (const [program, keywords, dumpArgs] of [
      ['sshd', sshdKeywordsAt(release, build), (f: string) => [SSHD, ['-T', '-f', f, '-h', hostKey]] as const],
      ['ssh', sshKeywordsAt(release, build), (f: string) => [SSH, ['-G', '-F', f, 'sshlint.example']] as const],
    ] as const) {
      for (const k of keywords) {
        if (k.status !== 'active' || k.aliasOf || k.accumulation === 'structural') continue;
        const values = twoValues(k.grammar);
        if (!values) continue;
        const file = join(workDir, `acc-${program}-${k.name}.conf`);
        writeFileSync(file, `${k.name} ${values[0]}\n${k.name} ${values[1]}\n`);
        const [bin, args] = dumpArgs(file);
        const r = spawnSync(bin, args, { encoding: 'utf8', input: '' });
        if (r.status !== 0) throw new Error(`${program} ${k.name}: ${r.stderr}`);
        const key = k.name.toLowerCase();
        const shown = r.stdout
          .split(/\r?\n/)
          .filter((l) => l.toLowerCase().startsWith(`${key} `))
          .map((l) => l.slice(key.length + 1))
          .join(' ');
        if (!shown) continue; // not dumped
        const have = tokens(shown);
        // sshd makes relative paths absolute (derelativise_path).
        const has = (t: string) => have.some((h) => h === t || h.endsWith(`/${t}`));
        const first = tokens(values[0]).every(has);
        const second = tokens(values[1]).every(has);
        const observed =
          first && second ? 'appends' : first ? 'first' : second ? 'last' : `neither (${shown})`;
        const expected = {
          'first-wins': 'first',
          'first-line-wins': 'first',
          'last-wins': 'last',
          appends: 'appends',
        }[k.accumulation as string];
        if (process.env.SSHLINT_DEBUG_KEYWORDS) console.log(`accumulation ${program} ${k.name}: ${observed}`);
        expect(observed, `${program} ${k.name} (${k.accumulation}): dumped "${shown}"`).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a keyword with no argument is refused exactly when acceptsNoArguments says so', () => {
    for (const [program, keywords, run] of [
      ['sshd', sshdKeywordsAt(release, build), runSshd],
      ['ssh', sshKeywordsAt(release, build), runSsh],
    ] as const) {
      const known = keywords.filter((k) => k.status !== 'rejected');
      const reports = collect(
        known.map((k) => k.name),
        run,
      );
      known.forEach((k, i) => {
        const r = reports[i]!;
        const refused = r.fatal || r.messages.some((m) => /no argument after keyword/.test(m));
        expect(refused, `${program} ${k.name}: ${r.messages.join(' | ')}`).toBe(!acceptsNoArguments(program, release, k.grammar));
      });
    }
  });

  it('ssh flags take yes/no/true/false; sshd flags only yes/no', () => {
    const flagsSshd = sshdKeywordsAt(release, build).filter((k) => k.status === 'active' && k.grammar.kind === 'flag');
    const sshdLines = flagsSshd.map((k) => `${k.name} true`);
    const sshdReports = collect(sshdLines, runSshd);
    flagsSshd.forEach((k, i) => {
      expect(sshdReports[i]!.fatal, `${k.name} true`).toBe(true);
      expect(sshdReports[i]!.messages.join(' '), k.name).toMatch(/unsupported option "true"/);
    });
    // ForkAfterAuthentication yes without a command is a (non-line) fatal error in ssh.c.
    const flagsSsh = sshKeywordsAt(release, build).filter(
      (k) => k.status === 'active' && k.grammar.kind === 'flag' && k.name !== 'ForkAfterAuthentication',
    );
    const sshReports = collect(
      flagsSsh.map((k) => `${k.name} TRUE`),
      runSsh,
    );
    flagsSsh.forEach((k, i) => expect(sshReports[i]!.messages.join(' '), `${k.name} TRUE`).toBe(''));
  });

  it('choice values are exactly the accepted ones (sshd and ssh)', () => {
    for (const [program, keywords, run] of [
      ['sshd', sshdKeywordsAt(release, build), runSshd],
      ['ssh', sshKeywordsAt(release, build), runSsh],
    ] as const) {
      const lines: string[] = [];
      const expected: { name: string; value: string; ok: boolean }[] = [];
      for (const k of keywords) {
        if (k.status !== 'active' || k.grammar.kind !== 'choice' || k.aliasOf) continue;
        for (const value of k.grammar.values) {
          lines.push(`${k.name} ${value}`);
          expected.push({ name: k.name, value, ok: true });
        }
        const upper = k.grammar.values[0]!.toUpperCase();
        lines.push(`${k.name} ${upper}`);
        expected.push({ name: k.name, value: upper, ok: !k.grammar.caseSensitive });
        lines.push(`${k.name} sshlint-bogus`);
        expected.push({ name: k.name, value: 'sshlint-bogus', ok: false });
      }
      const reports = collect(lines, run);
      expected.forEach((e, i) => {
        const r = reports[i]!;
        const bad = r.fatal || r.messages.length > 0;
        expect(bad, `${program} ${e.name} ${e.value}: ${r.messages.join(' | ')}`).toBe(!e.ok);
      });
    }
  });
});
