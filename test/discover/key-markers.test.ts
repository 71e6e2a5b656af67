import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/discover/discover.js';
import { containsMarker, filesWithKeyMarkers, gitMarkerMatches } from '../../src/discover/key-markers.js';

let root: string;

function write(relPath: string, content: string | Uint8Array): string {
  const absPath = path.join(root, relPath);
  mkdirSync(path.dirname(absPath), { recursive: true });
  writeFileSync(absPath, content);
  return absPath;
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'pipe' });
}

async function markedFiles(paths = ['.'], maxBytes = 1024 * 1024): Promise<string[]> {
  const trackedWithMarkers = (gitRoot: string): Promise<Set<string> | undefined> => gitMarkerMatches(new Map(), gitRoot);
  const discovery = await discoverFiles(paths, { cwd: root, trackedWithMarkers });
  return (await filesWithKeyMarkers(discovery.files, { maxBytes })).map((file) => file.displayPath).sort();
}

/** A tree where each kind of file git or the byte search must find, or must not. */
function writeTree(): void {
  write('keys/deploy', '-----BEGIN OPENSSH PRIVATE KEY-----\n');
  write('ci.yml', 'key: "-----BEGIN RSA PRIVATE KEY-----\\nMII"\n');
  write('legacy.key', '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n');
  write('win.ppk.txt', 'PuTTY-User-Key-File-3: ssh-ed25519\n');
  write('README.md', 'no keys here, only a PUBLIC KEY-----\n');
  write('image.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0x00]), Buffer.from('PRIVATE KEY-----')]));
  write('ignored/secret', 'PRIVATE KEY-----\n');
  write('.gitignore', 'ignored/\n');
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sshlint-markers-'));
});

describe('filesWithKeyMarkers', () => {
  const expected = ['ci.yml', 'keys/deploy', 'legacy.key', 'win.ppk.txt'];

  it('outside git: searches every file, skipping binary and ignored ones', async () => {
    writeTree();
    expect(await markedFiles()).toEqual(expected);
  });

  it('in git: tracked and untracked-not-ignored files alike, whatever .gitattributes says', async () => {
    writeTree();
    // git grep -I would skip files marked binary: a `*.key binary` line must not hide a key.
    write('.gitattributes', '*.key binary\nkeys/* -diff\n');
    git('init', '-q');
    git('add', 'keys', 'ci.yml', '.gitattributes');
    git('commit', '-qm', 'x');
    expect(await markedFiles()).toEqual(expected);
  });

  it('in git: files named on the command line and a symbolic link to an ignored file are searched too', async () => {
    writeTree();
    symlinkSync(path.join(root, 'ignored/secret'), path.join(root, 'link'));
    git('init', '-q');
    expect(await markedFiles(['.', 'ignored/secret'])).toEqual([...expected, 'ignored/secret'].sort());
    expect(await markedFiles()).toEqual([...expected, 'link'].sort());
  });
});

describe('containsMarker', () => {
  it('finds a marker across a 1 MiB read boundary', async () => {
    const file = write('big.txt', `${'x'.repeat(1024 * 1024 - 5)}PRIVATE KEY-----\n`);
    expect(containsMarker({ absPath: file }, { maxBytes: 4 * 1024 * 1024 })).toBe(true);
  });

  it('skips files over the size limit and binary files', async () => {
    expect(containsMarker({ absPath: write('a.txt', `${'x'.repeat(100)}PRIVATE KEY-----`) }, { maxBytes: 50 })).toBe(false);
    expect(containsMarker({ absPath: write('b.bin', '\0PuTTY-User-Key-File-3:') }, { maxBytes: 1000 })).toBe(false);
  });
});
