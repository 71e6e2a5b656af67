import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverFiles, startDiscovery, type DiscoveredFile } from '../../src/discover/discover.js';
import { UsageError } from '../../src/discover/errors.js';
import { defaultConfig } from '../../src/config/config.js';
import { lintPaths } from '../../src/engine/lint-files.js';

let root: string;
const isRoot = process.getuid?.() === 0;
const posixOnly = process.platform === 'win32' ? it.skip : it;

function write(relPath: string, content = 'x\n'): void {
  const absPath = path.join(root, relPath);
  mkdirSync(path.dirname(absPath), { recursive: true });
  writeFileSync(absPath, content);
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'pipe' });
}

/** Every tracked file, as if git found a key marker in each: what discovery lists, not what the pipeline reads. */
const KEEP_TRACKED = { trackedWithMarkers: async () => undefined };

/** `[displayPath, kind, explicit]`, the shape most assertions care about. */
type Summary = [string, string | undefined, boolean][];
function summary(files: DiscoveredFile[]): Summary {
  return files.map((file) => [file.displayPath, file.kind, file.explicit]);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sshlint-discover-'));
});
afterEach(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

/** The same tree must give the same answer with and without git. */
function writeCommonTree(): void {
  write('.gitignore', 'ignored/\n*.log\n');
  write('.ssh/authorized_keys');
  write('.ssh/config');
  write('etc/ssh/sshd_config.d/10-hardening.conf');
  write('etc/ssh/sshd_config.d/README.md');
  write('id_ed25519');
  write('id_ed25519.pub');
  write('deploy.pem');
  write('debug.log');
  write('ignored/known_hosts');
  write('sub/.gitignore', '!keep.log\n');
  write('sub/keep.log');
  write('node_modules/pkg/id_rsa');
  write('with space/known_hosts');
  write('a::b,c.pub');
  write('authorized_keys/alice');
  if (process.platform !== 'win32') {
    write('line\nbreak.pub');
    write('new\nline dir/known_hosts');
  }
}

const COMMON_FILES: Summary = [
  ['.gitignore', undefined, false],
  ['.ssh/authorized_keys', 'authorized_keys', false],
  ['.ssh/config', 'ssh_config', false],
  ['a::b,c.pub', 'public_key', false],
  ['authorized_keys/alice', undefined, false],
  ['deploy.pem', undefined, false],
  ['etc/ssh/sshd_config.d/10-hardening.conf', 'sshd_config', false],
  ['etc/ssh/sshd_config.d/README.md', undefined, false],
  ['id_ed25519', 'private_key', false],
  ['id_ed25519.pub', 'public_key', false],
  ...(process.platform === 'win32' ? [] : ([['line\nbreak.pub', 'public_key', false], ['new\nline dir/known_hosts', 'known_hosts', false]] satisfies Summary)),
  ['sub/.gitignore', undefined, false],
  ['sub/keep.log', undefined, false],
  ['with space/known_hosts', 'known_hosts', false],
];

const KIND_DIRECTORY_NOTE = {
  displayPath: 'authorized_keys',
  message: 'a directory named like an SSH file (authorized_keys): its files are checked by their own names (name them with --kind authorized_keys to check them as authorized_keys)',
};

describe.each([
  ['in a git work tree', true],
  ['outside git', false],
])('discoverFiles %s', (_name, inGit) => {
  beforeEach(() => {
    writeCommonTree();
    if (!inGit) return;
    git('init', '-q');
    // Half tracked, half untracked: both are listed.
    git('add', '.ssh', 'etc', 'id_ed25519.pub', 'a::b,c.pub');
    git('commit', '-q', '-m', 'init');
  });

  it('lists every non-ignored file, kinds from names, .ssh included, node_modules skipped', async () => {
    const result = await discoverFiles(['.'], { cwd: root, ...KEEP_TRACKED });
    expect(summary(result.files)).toEqual(COMMON_FILES);
    expect(result.notes).toEqual([KIND_DIRECTORY_NOTE]);
    const first = result.files[0];
    expect(first?.absPath).toBe(path.join(root, '.gitignore'));
  });

  it('shows paths relative to cwd, for a subdirectory and from a subdirectory', async () => {
    const fromRoot = await discoverFiles(['etc'], { cwd: root, ...KEEP_TRACKED });
    expect(summary(fromRoot.files)).toEqual([
      ['etc/ssh/sshd_config.d/10-hardening.conf', 'sshd_config', false],
      ['etc/ssh/sshd_config.d/README.md', undefined, false],
    ]);
    const fromSub = await discoverFiles(['../.ssh'], { cwd: path.join(root, 'etc') });
    expect(summary(fromSub.files)).toEqual([
      ['../.ssh/authorized_keys', 'authorized_keys', false],
      ['../.ssh/config', 'ssh_config', false],
    ]);
  });

  it('applies the configuration’s ignore patterns relative to cwd', async () => {
    const result = await discoverFiles(['.'], { cwd: root, ignore: ['etc/', '*.pub', '!id_ed25519.pub'] });
    const paths = result.files.map((file) => file.displayPath);
    expect(paths).not.toContain('etc/ssh/sshd_config.d/10-hardening.conf');
    expect(paths).not.toContain('a::b,c.pub');
    expect(paths).toContain('id_ed25519.pub');
  });

  posixOnly('notes symbolic links that leave the root or loop, dedupes links inside it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'sshlint-outside-'));
    try {
      writeFileSync(path.join(outside, 'authorized_keys'), 'x\n');
      symlinkSync(path.join(outside, 'authorized_keys'), path.join(root, 'escape_keys'));
      symlinkSync(outside, path.join(root, 'escape_dir'));
      symlinkSync('loop_b', path.join(root, 'loop_a'));
      symlinkSync('loop_a', path.join(root, 'loop_b'));
      symlinkSync('missing', path.join(root, 'dangling'));
      symlinkSync('etc', path.join(root, 'etc_link'));
      // A kind-less file reached through a link with a telling name takes the link's kind, once.
      write('dotfiles/ssh-config');
      mkdirSync(path.join(root, 'home/.ssh'), { recursive: true });
      symlinkSync('../../dotfiles/ssh-config', path.join(root, 'home/.ssh/config'));
      if (inGit) git('add', 'escape_keys', 'loop_a', 'home');

      const result = await discoverFiles(['.'], { cwd: root });
      expect(summary(result.files)).toContainEqual(['dotfiles/ssh-config', 'ssh_config', false]);
      expect(result.files.filter((file) => file.absPath === path.join(root, 'dotfiles/ssh-config'))).toHaveLength(1);
      expect(result.files.map((file) => file.displayPath)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(escape|loop|dangling|etc_link|home)/)]),
      );
      expect(result.notes).toEqual([
        KIND_DIRECTORY_NOTE,
        { displayPath: 'dangling', message: 'broken symbolic link (no such file or directory); skipped' },
        { displayPath: 'escape_dir', message: 'symbolic link to a path outside the scanned directory; not followed' },
        { displayPath: 'escape_keys', message: 'symbolic link to a path outside the scanned directory; not followed' },
        { displayPath: 'loop_a', message: 'symbolic link loop; skipped' },
        { displayPath: 'loop_b', message: 'symbolic link loop; skipped' },
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  posixOnly('notes a file name that is not UTF-8 instead of failing on it', async () => {
    writeFileSync(Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff]), Buffer.from('.pub')]), 'x\n');
    const result = await discoverFiles(['.'], { cwd: root });
    expect(result.notes).toContainEqual({ displayPath: 'bad-\uFFFD.pub', message: 'file name is not valid UTF-8; skipped' });
    expect(result.files.map((file) => file.displayPath)).not.toContain('bad-\uFFFD.pub');
  });
});

describe('discoverFiles with git', () => {
  beforeEach(() => {
    write('.gitignore', 'secret/\n');
    write('keep/authorized_keys');
    write('gone/known_hosts');
    write('secret/id_rsa');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
  });

  it('takes tracked files from the index, without touching the disk, and skips ignored ones', async () => {
    unlinkSync(path.join(root, 'gone/known_hosts'));
    const result = await discoverFiles(['.'], { cwd: root, ...KEEP_TRACKED });
    expect(summary(result.files)).toEqual([
      ['.gitignore', undefined, false],
      ['gone/known_hosts', 'known_hosts', false],
      ['keep/authorized_keys', 'authorized_keys', false],
    ]);
    expect(result.files.every((file) => file.realPath !== undefined)).toBe(true);
    expect(result.notes).toEqual([]);
  });

  it('keeps a tracked file nothing in its path names only where git found a key marker', async () => {
    for (const relPath of ['notes.txt', 'leak.txt', 'site.yml', 'etc/passwd']) write(relPath);
    git('add', '.');
    const searched: string[] = [];
    const trackedWithMarkers = async (gitRoot: string): Promise<Set<string>> => {
      searched.push(gitRoot);
      return new Set([path.join(gitRoot, 'leak.txt')]);
    };
    const result = await discoverFiles(['.'], { cwd: root, trackedWithMarkers });
    expect(searched).toEqual([root]);
    expect(summary(result.files)).toEqual([
      ['etc/passwd', undefined, false],
      ['gone/known_hosts', 'known_hosts', false],
      ['keep/authorized_keys', 'authorized_keys', false],
      ['leak.txt', undefined, false],
      ['site.yml', undefined, false],
    ]);
    // Without a search, no such file is kept.
    expect(summary((await discoverFiles(['.'], { cwd: root })).files).map(([displayPath]) => displayPath)).not.toContain('leak.txt');
  });

  posixOnly('keeps a tracked file left out by name when a link with a telling name leads to it: findings name the file, not the link', async () => {
    write('dotfiles/ssh-config');
    mkdirSync(path.join(root, 'home/.ssh'), { recursive: true });
    symlinkSync('../../dotfiles/ssh-config', path.join(root, 'home/.ssh/config'));
    git('add', '.');
    const result = await discoverFiles(['.'], { cwd: root, trackedWithMarkers: async () => new Set<string>() });
    expect(summary(result.files).filter(([displayPath]) => /ssh/.test(displayPath))).toEqual([['dotfiles/ssh-config', 'ssh_config', false]]);
  });

  it('gives the tracked files of a known kind early, before the marker search, and the same objects again at the end', async () => {
    write('notes.txt');
    git('add', '.');
    let searchDone = false;
    const trackedWithMarkers = async (): Promise<Set<string>> => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      searchDone = true;
      return new Set([path.join(root, 'notes.txt')]);
    };
    const discovery = startDiscovery(['.'], { cwd: root, trackedWithMarkers });
    const early = await discovery.early;
    expect(searchDone).toBe(false);
    expect(summary(early)).toEqual([
      ['gone/known_hosts', 'known_hosts', false],
      ['keep/authorized_keys', 'authorized_keys', false],
    ]);
    const complete = await discovery.complete;
    expect(early.every((file) => complete.files.includes(file))).toBe(true);
    expect(summary(complete.files)).toContainEqual(['notes.txt', undefined, false]);
  });

  it('gives no early files and fails at the end for a path that does not exist', async () => {
    const discovery = startDiscovery(['missing'], { cwd: root });
    expect(await discovery.early).toEqual([]);
    await expect(discovery.complete).rejects.toBeInstanceOf(UsageError);
  });

  it('says nothing about a tracked file deleted from the work tree', async () => {
    unlinkSync(path.join(root, 'gone/known_hosts'));
    const result = await lintPaths(['.'], { cwd: root, config: defaultConfig() });
    expect(result.findings.filter((finding) => finding.file.startsWith('gone/'))).toEqual([]);
  });

  posixOnly('never reads a tracked file that a symbolic link on the disk now leads out of the root', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'sshlint-outside-'));
    writeFileSync(path.join(outside, 'authorized_keys'), 'not a key\n');
    rmSync(path.join(root, 'keep'), { recursive: true });
    symlinkSync(outside, path.join(root, 'keep'));
    const result = await lintPaths(['.'], { cwd: root, config: defaultConfig() });
    expect(result.findings.filter((finding) => finding.file === 'keep/authorized_keys').map((finding) => finding.message)).toEqual([
      'Skipped: a symbolic link on the disk leads elsewhere than git records; not followed.',
    ]);
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists the work tree that holds the directory even when a hook set GIT_DIR and GIT_INDEX_FILE', async () => {
    const saved = { GIT_DIR: process.env.GIT_DIR, GIT_INDEX_FILE: process.env.GIT_INDEX_FILE };
    process.env.GIT_DIR = path.join(tmpdir(), 'no-such-repository');
    process.env.GIT_INDEX_FILE = path.join(tmpdir(), 'no-such-index');
    try {
      const result = await discoverFiles(['keep'], { cwd: root });
      expect(summary(result.files)).toEqual([['keep/authorized_keys', 'authorized_keys', false]]);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('discoverFiles without git', () => {
  // Docker actions check out as another user than the one running: git refuses such a repository.
  it.skipIf(!isRoot)('falls back to a walk, with a note, when git refuses the repository', async () => {
    write('.gitignore', 'secret\n');
    write('authorized_keys');
    write('secret');
    git('init', '-q');
    execFileSync('chown', ['-R', 'nobody', root]);
    const result = await discoverFiles(['.'], { cwd: root });
    expect(summary(result.files)).toEqual([
      ['.gitignore', undefined, false],
      ['authorized_keys', 'authorized_keys', false],
    ]);
    expect(result.notes).toEqual([
      {
        displayPath: '.',
        message: `git ls-files failed (fatal: detected dubious ownership in repository at '${root}'); scanned without git, honouring .gitignore files`,
      },
    ]);
  });

  it('honours nested .gitignore files the way git does', async () => {
    write('.gitignore', '*.pub\nbuild/\n');
    write('a.pub');
    write('build/.gitignore', '!*.pub\n');
    write('build/b.pub');
    write('sub/.gitignore', '!c.pub\nlocal_*\n');
    write('sub/c.pub');
    write('sub/d.pub');
    write('sub/local_known_hosts');
    write('sub/deeper/local_x');
    const result = await discoverFiles(['.'], { cwd: root });
    expect(result.files.map((file) => file.displayPath)).toEqual(['.gitignore', 'sub/.gitignore', 'sub/c.pub']);
  });

  // root lists a chmod 000 directory anyway.
  it.skipIf(isRoot || process.platform === 'win32')('notes a directory it cannot list', async () => {
    write('locked/authorized_keys');
    chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const result = await discoverFiles(['.'], { cwd: root });
      expect(result.notes).toEqual([{ displayPath: 'locked', message: 'directory cannot be read; skipped' }]);
      expect(result.files).toEqual([]);
    } finally {
      chmodSync(path.join(root, 'locked'), 0o700);
    }
  });
});

describe('discoverFiles with explicit paths', () => {
  it('takes a named file whatever its name, with the forced kind, and reports it once', async () => {
    write('keys/team.txt');
    const result = await discoverFiles(['keys/team.txt', 'keys', './keys/team.txt'], { cwd: root, kind: 'authorized_keys' });
    expect(result.files).toEqual([
      { absPath: path.join(root, 'keys/team.txt'), displayPath: 'keys/team.txt', kind: 'authorized_keys', explicit: true },
    ]);
  });

  it('gives a named file its kind from its name, or none', async () => {
    write('sshd_config');
    write('server.pem');
    const result = await discoverFiles(['sshd_config', 'server.pem'], { cwd: root });
    expect(summary(result.files)).toEqual([
      ['server.pem', undefined, true],
      ['sshd_config', 'sshd_config', true],
    ]);
  });

  it('skips a named file that the configuration ignores', async () => {
    write('vendor/authorized_keys');
    expect(await discoverFiles(['vendor/authorized_keys'], { cwd: root, ignore: ['vendor/'] })).toEqual({ files: [], notes: [] });
  });

  posixOnly('follows a named symbolic link wherever it points', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'sshlint-outside-'));
    try {
      writeFileSync(path.join(outside, 'target'), 'x\n');
      symlinkSync(path.join(outside, 'target'), path.join(root, 'authorized_keys'));
      const result = await discoverFiles(['authorized_keys'], { cwd: root });
      expect(result.files).toEqual([
        { absPath: path.join(outside, 'target'), displayPath: 'authorized_keys', kind: 'authorized_keys', explicit: true },
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('throws a UsageError for a path that does not exist', async () => {
    await expect(discoverFiles(['nope/authorized_keys'], { cwd: root })).rejects.toThrow(
      new UsageError('cannot read "nope/authorized_keys": no such file or directory'),
    );
    await expect(discoverFiles(['nope'], { cwd: root })).rejects.toBeInstanceOf(UsageError);
  });

  posixOnly('throws a UsageError for a path that is neither file nor directory', async () => {
    execFileSync('mkfifo', [path.join(root, 'fifo')]);
    await expect(discoverFiles(['fifo'], { cwd: root })).rejects.toThrow(new UsageError('"fifo" is neither a file nor a directory'));
  });

  it('scans a directory named like a file kind instead of failing on it', async () => {
    write('authorized_keys/alice');
    const result = await discoverFiles(['authorized_keys', '.'], { cwd: root });
    expect(summary(result.files)).toEqual([['authorized_keys/alice', undefined, false]]);
    expect(result.notes).toEqual([KIND_DIRECTORY_NOTE]);
  });
});
