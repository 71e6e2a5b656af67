/**
 * The real-world corpus beside the repository (../shared/corpus/wild, with OpenSSH 9.2's own
 * verdicts in INDEX.tsv): no crash on any file, and every key file OpenSSH rejects, at the line
 * it names, gets a malformed finding. Files are read in place, never copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus/wild');
const present = existsSync(path.join(corpus, 'INDEX.tsv'));

interface Row {
  localPath: string;
  kind: string;
  exit: string;
  line: string;
  message: string;
}

function readIndex(): Row[] {
  const [, ...rows] = readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8').trimEnd().split('\n');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { localPath: cells[0]!, kind: cells[4]!, exit: cells[6]!, line: cells[7]!, message: cells[8] ?? '' };
  });
}

/** "unparseable lines (per-line ssh-keygen -l): 45,46" → [45, 46] */
function unparseableLines(message: string): number[] {
  const match = /unparseable lines \(per-line ssh-keygen -l\): ([\d,]+)/.exec(message);
  return match ? match[1]!.split(',').map(Number) : [];
}

describe.skipIf(!present)('wild corpus (OpenSSH 9.2 verdicts)', () => {
  it('scans every file without crashing', async () => {
    const result = await cli(['--format', 'json', '--openssh-version', '9.2', '--fail-on', 'none', corpus], corpus);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).filesScanned).toBeGreaterThan(20);
  });

  const configFiles = present ? readIndex().filter((row) => ['sshd_config', 'ssh_config', 'sshd_dropin'].includes(row.kind)) : [];
  it.each(configFiles.map((row) => [row.localPath, row] as const))('%s agrees with sshd -t / ssh -G', async (_name, row) => {
    const kind = row.kind === 'ssh_config' ? 'ssh_config' : 'sshd_config';
    const result = await cli(['--format', 'json', '--openssh-version', '9.2', '--kind', kind, row.localPath], corpus);
    const malformed: { line: number }[] = JSON.parse(result.stdout).findings.filter((f: { category: string }) => f.category === 'malformed');
    if (row.exit === '0') expect(malformed).toEqual([]);
    else expect(malformed.map((f) => f.line), 'OpenSSH names this line').toContain(Number(row.line));
  });

  const keyFiles = present ? readIndex().filter((row) => ['authorized_keys', 'public_key', 'known_hosts'].includes(row.kind)) : [];
  it.each(keyFiles.map((row) => [row.localPath, row] as const))('%s agrees with OpenSSH', async (_name, row) => {
    const result = await cli(['--format', 'json', '--openssh-version', '9.2', '--kind', row.kind, row.localPath], corpus);
    const findings: { line: number; endLine?: number; category: string }[] = JSON.parse(result.stdout).findings;
    const malformed = findings.filter((f) => f.category === 'malformed');
    const covered = (line: number): boolean => malformed.some((f) => f.line <= line && line <= (f.endLine ?? f.line));
    const rejected = unparseableLines(row.message);
    for (const line of rejected) expect(covered(line), `line ${line} is rejected by OpenSSH`).toBe(true);
    if (row.exit === '0' && rejected.length === 0) expect(malformed).toEqual([]);
    // ssh-keygen also rejects a file with no key at all: no line is skipped, but nobody can log in.
    if (row.exit !== '0' && row.exit !== 'n/a') expect(findings.length, 'OpenSSH rejects this file').toBeGreaterThan(0);
  });
});
