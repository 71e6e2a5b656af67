/**
 * sshlint's verdicts against the real OpenSSH 9.2, line by line.
 *
 * - sshd: thousands of authorized_keys lines (valid keys of every type, options good and
 *   bad, formatting variants, seeded mutations), batched into files that one sshd run each
 *   reads in full (test/oracle/openssh.ts). A line sshd skips must be covered by exactly one
 *   `malformed` finding; a line it parses or ignores by none.
 * - ssh-keygen -l: one .pub file per case; exit 0 ⇔ some line has no malformed finding.
 * - Real logins: a parsed line authenticates, a skipped one does not, for every key type.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCases, fileBytes, packBatches } from './cases.js';
import type { Batch, OracleCase } from './cases.js';
import {
  compareWithKeygen,
  compareWithSshd,
  formatDisagreements,
  lintBytes,
  mapLimit,
  reasonMismatch,
  showLine,
  sshKeygenFingerprint,
} from './compare.js';
import type { Disagreement, KeygenResult } from './compare.js';
import { makeKeyMaterial } from './key-material.js';
import type { KeyMaterial, LoginIdentity } from './key-material.js';
import { cleanupOracle, hasOpenSSH, requireOpenSSH, sshdLineVerdicts, sshdLogin } from './openssh.js';
import type { LineVerdict, LoginResult } from './openssh.js';

const available = hasOpenSSH();
/** Lines per sshd run: one run reads them all (≈0.2 s), so fewer, larger files are cheaper. */
const LINES_PER_FILE = 250;
/** Two cores: sshd runs and ssh-keygen processes mostly wait on each other. */
const SSHD_CONCURRENCY = 3;
const KEYGEN_CONCURRENCY = 6;
const LOGIN_CONCURRENCY = 4;

it('OpenSSH is available (mandatory when CI is set)', (ctx) => {
  requireOpenSSH();
  if (!available) ctx.skip();
});

describe.skipIf(!available)('sshlint against OpenSSH 9.2 (oracle)', () => {
  let dir: string;
  let keys: KeyMaterial;
  let cases: OracleCase[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sshlint-ak-oracle-'));
    keys = await makeKeyMaterial(dir);
    cases = buildCases(keys);
  }, 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await cleanupOracle();
  });

  describe('authorized_keys: sshd line verdicts', () => {
    interface Run {
      batch: Batch;
      bytes: Uint8Array;
      verdicts: LineVerdict[];
    }
    let runs: Run[];

    beforeAll(async () => {
      const batches = packBatches(cases, LINES_PER_FILE);
      runs = await mapLimit(batches, SSHD_CONCURRENCY, async (batch) => {
        const bytes = fileBytes(batch.lines, batch.bom);
        return { batch, bytes, verdicts: await sshdLineVerdicts(bytes) };
      });
    }, 60_000);

    let disagreements: Disagreement[] | undefined;
    const allDisagreements = (): Disagreement[] =>
      (disagreements ??= runs.flatMap((r) => compareWithSshd(r.bytes, r.verdicts, whereIn(r.batch))));

    /** Case id and line within the case, for 0-based line i of a batch. */
    const whereIn = (batch: Batch) => (i: number): string => {
      let c = 0;
      while (c + 1 < batch.firstLine.length && batch.firstLine[c + 1]! <= i) c++;
      const kase = batch.cases[c]!;
      return kase.lines.length > 1 ? `${kase.id} [${i - batch.firstLine[c]! + 1}/${kase.lines.length}]` : kase.id;
    };

    it('puts thousands of lines to sshd, with every outcome and reason among them', () => {
      const verdicts = runs.flatMap((r) => r.verdicts);
      const count = (v: LineVerdict['verdict']): number => verdicts.filter((x) => x.verdict === v).length;
      const reasons = verdicts.map((v) => v.reason ?? '');
      console.info(
        `[oracle] sshd: ${verdicts.length} lines in ${runs.length} files: ` +
          `${count('parsed')} parsed, ${count('skipped')} skipped, ${count('ignored')} ignored`,
      );
      expect(verdicts.length).toBeGreaterThan(2500);
      expect(count('parsed')).toBeGreaterThan(500);
      expect(count('skipped')).toBeGreaterThan(1500);
      expect(count('ignored')).toBeGreaterThan(5);
      expect(reasons.some((r) => r.startsWith('advance: '))).toBe(true);
      expect(reasons.some((r) => r.startsWith('bad key options: '))).toBe(true);
      expect(reasons.some((r) => r === 'invalid key option string')).toBe(true);
    });

    it('skipped ⇔ exactly one malformed finding covers the line; parsed or ignored ⇔ none', () => {
      const disagreements = allDisagreements();
      expect(disagreements, `sshlint disagrees with sshd on ${disagreements.length} lines:\n${formatDisagreements(disagreements)}`).toEqual([]);
    });

    it('gives the same kind of reason as sshd for a skipped line (options vs. quoting vs. key)', () => {
      const mismatches: string[] = [];
      for (const r of runs) {
        const view = lintBytes(r.bytes, 'authorized_keys');
        r.verdicts.forEach((v, i) => {
          const problem = reasonMismatch(v, view.model.lines[i]);
          if (problem) mismatches.push(`${whereIn(r.batch)(i)}: ${problem}`);
        });
      }
      expect(mismatches, mismatches.slice(0, 30).join('\n')).toEqual([]);
    });
  });

  describe('.pub files: ssh-keygen -l', () => {
    let results: Array<{ kase: OracleCase; bytes: Uint8Array; result: KeygenResult }>;

    beforeAll(async () => {
      const pubDir = join(dir, 'pub');
      await mkdir(pubDir);
      const pubCases = cases.filter((c) => c.pub);
      results = await mapLimit(pubCases, KEYGEN_CONCURRENCY, async (kase, i) => {
        const bytes = fileBytes(kase.lines, kase.bom ?? false);
        const path = join(pubDir, `case${i}.pub`);
        await writeFile(path, bytes);
        return { kase, bytes, result: await sshKeygenFingerprint(path) };
      });
    }, 60_000);

    it('puts hundreds of files to ssh-keygen, some it reads and some it refuses', () => {
      const ok = results.filter((r) => r.result.code === 0).length;
      console.info(`[oracle] ssh-keygen -l: ${results.length} .pub files: ${ok} read, ${results.length - ok} refused`);
      expect(results.length).toBeGreaterThan(300);
      expect(ok).toBeGreaterThan(50);
      expect(results.length - ok).toBeGreaterThan(50);
    });

    it('exit 0 ⇔ sshlint leaves a line of the file without a malformed finding', () => {
      const disagreements = results.flatMap((r) => compareWithKeygen(r.bytes, r.result, r.kase.id) ?? []);
      expect(disagreements, `sshlint disagrees with ssh-keygen -l on ${disagreements.length} files:\n${formatDisagreements(disagreements)}`).toEqual([]);
    });
  });

  describe('real logins: parsed lines authenticate, skipped ones do not', () => {
    /** `opts` in front of an authorized line (merged into an existing cert-authority field). */
    const withOptions = (line: string, opts: string): string =>
      line.startsWith('cert-authority ') ? `${opts},${line}` : `${opts} ${line}`;
    const spaceInBlob = (line: string): string => {
      const fields = line.split(' ');
      const b = fields.findIndex((f) => f.startsWith('AAAA'));
      fields[b] = `${fields[b]!.slice(0, 20)} ${fields[b]!.slice(20)}`;
      return fields.join(' ');
    };
    const upperLabel = (line: string): string => {
      const fields = line.split(' ');
      const t = fields.findIndex((f) => !f.startsWith('AAAA') && f !== 'cert-authority');
      fields[t] = fields[t]!.toUpperCase();
      return fields.join(' ');
    };
    const SKIPPED: Array<(line: string) => string> = [
      // (a comma and a blank right before the key type is fine: that is an empty last option)
      (l) => (l.startsWith('cert-authority ') ? l.replace('cert-authority ', 'cert-authority, no-pty ') : `no-pty, no-user-rc ${l}`),
      (l) => withOptions(l, 'expiry-time="2099-12-31"'),
      (l) => withOptions(l, 'no-foo'),
      (l) => withOptions(l, 'command=true'),
      spaceInBlob,
      upperLabel,
    ];
    const PARSED: Array<(line: string) => string> = [
      (l) => withOptions(l, 'no-pty'),
      (l) => `${withOptions(l, 'restrict,command="true"')}\r`,
      (l) => `  ${withOptions(l, 'from="127.0.0.1",expiry-time="20991231"')}`,
      (l) => withOptions(l, 'no-X11-forwarding,,no-user-rc').replace(' ', '\t'),
      (l) => l.replace(/^ssh-rsa /, 'rsa-sha2-256 '),
    ];

    interface Attempt {
      identity: LoginIdentity;
      file: string;
      skipped: string;
      parsed: string;
      skippedOnly: LoginResult;
      both: LoginResult;
    }
    let attempts: Attempt[];

    beforeAll(async () => {
      attempts = await mapLimit(keys.logins, LOGIN_CONCURRENCY, async (identity, i) => {
        const skipped = SKIPPED[i % SKIPPED.length]!(identity.authorizedLine);
        const parsed = PARSED[i % PARSED.length]!(identity.authorizedLine);
        const login = (authorizedKeys: string): Promise<LoginResult> =>
          sshdLogin({
            authorizedKeys,
            privateKey: identity.pair.privateKey,
            ...(identity.certificate ? { certificate: identity.certificate } : {}),
            ...(identity.sshdOptions ? { sshdOptions: identity.sshdOptions } : {}),
            ...(identity.clientOptions ? { clientOptions: identity.clientOptions } : {}),
          });
        const file = `${skipped}\n${parsed}\n`;
        const [skippedOnly, both] = [await login(`${skipped}\n`), await login(file)];
        return { identity, file, skipped, parsed, skippedOnly, both };
      });
    }, 90_000);

    it('covers every key type OpenSSH 9.2 accepts by default, plain and as certificates', () => {
      const names = keys.logins.filter((l) => l.acceptedByDefault).map((l) => l.name);
      expect(names).toEqual(expect.arrayContaining(['rsa1024', 'rsa2048', 'rsa3072', 'ecdsa256', 'ecdsa384', 'ecdsa521', 'ed25519']));
      expect(names.filter((n) => n.startsWith('cert-')).length).toBeGreaterThanOrEqual(5);
    });

    it('a line sshlint calls malformed does not log in; the parsed line after it does', () => {
      const problems: string[] = [];
      for (const a of attempts) {
        const view = lintBytes(new Uint8Array(Buffer.from(a.file)), 'authorized_keys');
        const name = a.identity.name;
        if (view.malformedOn(1).length !== 1) problems.push(`${name}: sshlint does not flag ${showLine(Buffer.from(a.skipped))}`);
        if (view.malformedOn(2).length !== 0) problems.push(`${name}: sshlint flags ${showLine(Buffer.from(a.parsed))}`);
        if (a.skippedOnly.accepted) problems.push(`${name}: sshd accepted the skipped line ${showLine(Buffer.from(a.skipped))}`);
        if (!a.both.accepted) {
          problems.push(`${name}: sshd refused the parsed line ${showLine(Buffer.from(a.parsed))}\n${a.both.log.split('\n').slice(-25).join('\n')}`);
        } else if (!/^Accepted (key|certificate) .* found at \S+:2\r?$/m.test(a.both.log)) {
          problems.push(`${name}: sshd accepted, but not by line 2`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });
});
