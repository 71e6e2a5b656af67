import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, readTextFile, type ReadResult } from '../../src/discover/read-file.js';

let dir: string;
const file = (name: string, content: string | Uint8Array): string => {
  const absPath = path.join(dir, name);
  writeFileSync(absPath, content);
  return absPath;
};
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sshlint-read-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const KEY_LINE = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice\n';

const textCases: { name: string; content: string | Uint8Array; expected: Omit<Extract<ReadResult, { ok: true }>, 'bytes'> }[] = [
  { name: 'plain text', content: KEY_LINE, expected: { ok: true, text: KEY_LINE, hasBom: false, invalidUtf8: false } },
  { name: 'empty file', content: '', expected: { ok: true, text: '', hasBom: false, invalidUtf8: false } },
  { name: 'BOM stripped', content: `\uFEFF${KEY_LINE}`, expected: { ok: true, text: KEY_LINE, hasBom: true, invalidUtf8: false } },
  { name: 'only a BOM', content: '\uFEFF', expected: { ok: true, text: '', hasBom: true, invalidUtf8: false } },
  { name: 'a second BOM is content', content: '\uFEFF\uFEFFx', expected: { ok: true, text: '\uFEFFx', hasBom: true, invalidUtf8: false } },
  {
    name: 'invalid UTF-8 decoded with U+FFFD',
    content: Uint8Array.from([0x61, 0xff, 0x62, 0xc3]),
    expected: { ok: true, text: 'a\uFFFDb\uFFFD', hasBom: false, invalidUtf8: true },
  },
  { name: 'a real U+FFFD is valid', content: 'a\uFFFDb', expected: { ok: true, text: 'a\uFFFDb', hasBom: false, invalidUtf8: false } },
  { name: 'NUL after the first 8 KiB is text', content: `${'a'.repeat(8192)}\u0000`, expected: { ok: true, text: `${'a'.repeat(8192)}\u0000`, hasBom: false, invalidUtf8: false } },
];

describe('readTextFile', () => {
  it.each(textCases)('$name', async ({ name, content, expected }) => {
    const result = readTextFile(file(name, content));
    expect(result).toMatchObject(expected);
    // bytes are the file as stored, BOM included.
    expect(result.ok && Buffer.from(result.bytes).equals(Buffer.from(content))).toBe(true);
  });

  it.each([
    ['binary', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00]), 'binary file (NUL byte at offset 6)'],
    ['utf-16', Buffer.from('\uFEFFssh-ed25519 AAAA', 'utf16le'), 'file is UTF-16 encoded; OpenSSH reads its files as UTF-8/ASCII'],
  ])('refuses %s content', async (name, content, message) => {
    expect(readTextFile(file(name, content))).toEqual({ ok: false, reason: 'binary', message });
  });

  it('refuses a file over the default limit', async () => {
    const size = DEFAULT_MAX_BYTES + 1;
    const result = readTextFile(file('big', Buffer.alloc(size, 0x61)));
    // Compare the failure only: a diff of megabytes of text would exhaust the test worker.
    expect(result.ok ? 'read' : result.reason).toBe('too-large');
    expect(result.ok ? '' : result.message).toBe(`file is larger than the limit of ${DEFAULT_MAX_BYTES} bytes (${size} bytes)`);
  });

  it('takes the limit from the caller, inclusive', async () => {
    const absPath = file('five', '12345');
    expect(readTextFile(absPath, { maxBytes: 5 })).toMatchObject({ ok: true, text: '12345' });
    expect(readTextFile(absPath, { maxBytes: 4 })).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('reports a missing file as unreadable', async () => {
    expect(readTextFile(path.join(dir, 'missing'))).toEqual({ ok: false, reason: 'unreadable', message: 'cannot open: no such file or directory' });
  });

  it('reports a directory as not a file', async () => {
    mkdirSync(path.join(dir, 'sub'));
    expect(readTextFile(path.join(dir, 'sub'))).toEqual({ ok: false, reason: 'not-a-file', message: 'not a regular file' });
  });

  it.skipIf(process.platform === 'win32')('reads a file only where its real path says, through the last link on the way', async () => {
    file('real', 'x\n');
    symlinkSync('real', path.join(dir, 'link'));
    mkdirSync(path.join(dir, 'real-dir'));
    symlinkSync('real-dir', path.join(dir, 'dir-link'));
    file('real-dir/known_hosts', 'y\n');
    const realDir = realpathSync(dir);
    const realDirectories = new Map<string, string>();
    // As discovery records a tracked file: the root's real path joined with the path in the index.
    const read = (relPath: string): ReadResult => readTextFile(path.join(dir, relPath), { maxBytes: 100, realPath: path.join(realDir, relPath), realDirectories });
    expect(read('real')).toMatchObject({ ok: true, text: 'x\n' });
    // A link where the index has a regular file: its directory is right, the file is not.
    expect(read('link')).toMatchObject({ ok: false, reason: 'elsewhere' });
    expect(read('dir-link/known_hosts')).toMatchObject({ ok: false, reason: 'elsewhere' });
    expect(read('real-dir/known_hosts')).toMatchObject({ ok: true, text: 'y\n' });
    expect(read('deleted')).toEqual({ ok: false, reason: 'gone', message: 'no longer on disk' });
    expect(read('no-dir/x')).toMatchObject({ ok: false, reason: 'gone' });
  });

  it.skipIf(process.platform === 'win32')('does not hang on a FIFO', async () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(readTextFile(fifo)).toMatchObject({ ok: false, reason: 'not-a-file' });
  });

  // root reads a chmod 000 file anyway, so the refusal can only be seen as another user.
  it.skipIf(isRoot || process.platform === 'win32')('reports a file without read permission as unreadable', async () => {
    const absPath = file('secret', 'x');
    chmodSync(absPath, 0o000);
    expect(readTextFile(absPath)).toEqual({ ok: false, reason: 'unreadable', message: 'cannot open: permission denied' });
  });
});
