/**
 * Bad input is normal input for a linter: every one of these gets a clear finding or note,
 * never a crash, a hang, or a read outside the scanned root.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS } from '../fixtures/keys.js';
import { cli, makeTree } from '../cli/run.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  message: string;
}

async function scan(root: string, args: string[] = ['.']): Promise<{ code: number; findings: JsonFinding[] }> {
  const result = await cli(['--format', 'json', ...args], root);
  expect(result.stderr).toBe('');
  return { code: result.code, findings: JSON.parse(result.stdout).findings };
}

describe('hostile files', () => {
  it('random bytes named authorized_keys: a note, not a crash', async () => {
    const bytes = randomBytes(4096);
    bytes[10] = 0;
    const { findings } = await scan(makeTree({ '.ssh/authorized_keys': bytes }));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'SSH001', file: '.ssh/authorized_keys' })]);
    expect(findings[0]!.message).toMatch(/binary/i);
  });

  it('random printable junk: one malformed finding per line, positions inside the file', async () => {
    const junk = Array.from({ length: 200 }, (_, i) => randomBytes(20 + (i % 50)).toString('latin1').replace(/[\0\n]/g, 'x')).join('\n');
    const { findings } = await scan(makeTree({ authorized_keys: junk }));
    for (const finding of findings) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.line).toBeLessThanOrEqual(200);
    }
  });

  it('a file over the 64 MiB limit: reported as a note and not read', async () => {
    const { findings } = await scan(makeTree({ authorized_keys: Buffer.alloc(65 * 1024 * 1024, 'A') }));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'SSH001' })]);
    expect(findings[0]!.message).toMatch(/large|size|MiB/i);
  });

  it('a 50 MB single line is analysed, and the message quotes only a little of it', async () => {
    const { findings } = await scan(makeTree({ authorized_keys: `ssh-ed25519 ${'A'.repeat(50 * 1024 * 1024)}` }));
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['SSH102', 'SSH116']);
    expect(findings[0]!.message.length).toBeLessThan(400);
  });

  it('invalid UTF-8 in a comment is fine; in the key it is malformed', async () => {
    const good = Buffer.concat([Buffer.from(`${KEYS.ed25519} caf`), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]);
    expect((await scan(makeTree({ authorized_keys: good }))).findings).toEqual([]);
    const bad = Buffer.concat([Buffer.from('ssh-ed25519 AAAA'), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]);
    expect((await scan(makeTree({ authorized_keys: bad }))).findings.map((f) => f.ruleId).sort()).toEqual(['SSH102', 'SSH116']);
  });

  it('empty files: no crash', async () => {
    const { code } = await scan(makeTree({ authorized_keys: '', 'k.pub': '', known_hosts: '' }));
    expect(code).toBeLessThan(2);
  });

  it('a directory named authorized_keys is not a crash', async () => {
    const root = makeTree({ 'x/.keep': '' });
    mkdirSync(path.join(root, 'home/.ssh/authorized_keys'), { recursive: true });
    writeFileSync(path.join(root, 'home/.ssh/authorized_keys/readme'), 'x');
    const { code } = await scan(root);
    expect(code).toBeLessThan(2);
  });

  it('symbolic links out of the root are not followed; a loop does not hang', async () => {
    const outside = makeTree({ authorized_keys: 'free text that must never be read\n' });
    const root = makeTree({ 'a/known_hosts': `host ${KEYS.ed25519}\n` });
    symlinkSync(path.join(outside, 'authorized_keys'), path.join(root, 'authorized_keys'));
    symlinkSync(root, path.join(root, 'a/loop'));
    const { findings } = await scan(root);
    expect(findings.every((f) => !f.message.includes('free text'))).toBe(true);
    expect(findings.some((f) => f.ruleId === 'SSH001' && f.file === 'authorized_keys')).toBe(true);
  });

  it('an unreadable file is a note (when not running as root)', async () => {
    const root = makeTree({ authorized_keys: `${KEYS.ed25519}\n` });
    chmodSync(path.join(root, 'authorized_keys'), 0o000);
    const { findings } = await scan(root);
    if (process.getuid?.() === 0) expect(findings).toEqual([]);
    else expect(findings).toEqual([expect.objectContaining({ ruleId: 'SSH001' })]);
  });
});
