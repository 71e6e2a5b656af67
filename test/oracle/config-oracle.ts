/**
 * Test oracle for sshd_config and ssh_config: asks the real OpenSSH (Debian
 * 9.2p1 on CI) what it makes of a configuration.
 *
 * - sshdCheck      `sshd -t`  -> errors/warnings mapped to file + line
 * - sshdEffective  `sshd -T [-C …]` -> effective values
 * - sshConfigCheck `ssh -G`   -> errors mapped to file + line, effective values
 *
 * Every call writes its files into a fresh temp dir (removed afterwards); the
 * text `{{dir}}` (CONFIG_DIR) in file contents is replaced by that dir, because
 * sshd resolves a relative `Include` against /etc/ssh and ssh against the
 * real ~/.ssh of the uid (from passwd, not $HOME): tests must include by
 * absolute path. The same dir is turned back into `{{dir}}` in the parsed
 * messages and effective values (never in `raw`), so results are stable.
 *
 * Nothing reaches the network or runs configured commands:
 * - both binaries run under `unshare -n` (an empty network namespace) when it
 *   works (root); ListenAddress host names and ssh's CanonicalizeHostname
 *   lookups then see only /etc/hosts, like an offline machine;
 * - ssh -G does run `Match exec` commands, through $SHELL -c. The harness sets
 *   SHELL=/bin/false, so every exec criterion is "a command that failed"
 *   unless the caller opts in with `exec: 'succeed'` (/bin/true) or `'run'`.
 *
 * Each call spawns one short process (a few ms); calls can be issued in
 * parallel, at most availableParallelism() children run at once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { SSH, SSHD, generateKey, hasOpenSSH, requireOpenSSH } from './openssh.js';

export { hasOpenSSH, requireOpenSSH };

/** Replaced by the call's temp dir in file contents; put back in parsed results. */
export const CONFIG_DIR = '{{dir}}';
const PRIVSEP_DIR = '/run/sshd';
const DEFAULT_TIMEOUT_MS = 10_000;
const UNSHARE = '/usr/bin/unshare';

export type ConfigFiles = Record<string, string | Uint8Array>;

export interface ConfigMessage {
  /**
   * The file as named in `files` (path relative to the temp dir); any other
   * path as OpenSSH printed it ('command-line' for -o); '' when OpenSSH named
   * no file and the harness could not tell which one it was.
   */
  file: string;
  /** 1-based, as OpenSSH counts (lines end at \n). 0 when unknown. */
  line: number;
  /** OpenSSH's text after the "FILE line N: " prefix (whole line when unlocated). */
  message: string;
  /**
   * true: this message came from fatal(), OpenSSH stopped right there (it is
   * the last message of a failed run that has no "terminating" line).
   * false: error()/info(): parsing went on; bad options are counted and the
   * run ends with `terminating` after the file.
   */
  fatal: boolean;
}

export interface Terminating {
  /** The file whose counted errors ended the run: an included file with bad options stops sshd/ssh at its own end, before the including file is finished. */
  file: string;
  count: number;
}

export interface SshdCheckResult {
  ok: boolean;
  exitCode: number;
  errors: ConfigMessage[];
  /** "Deprecated option X" / "Unsupported option X" (INFO; printed by sshd -t without -d). */
  warnings: ConfigMessage[];
  /** "FILE: terminating, N bad configuration options", or null when the run did not end that way. */
  terminating: Terminating | null;
  /** sshd's stderr, verbatim. */
  raw: string;
}

export interface SshCheckResult {
  ok: boolean;
  exitCode: number;
  errors: ConfigMessage[];
  /** `Unsupported option "x"`: error() level in ssh, but not counted, exit 0. */
  warnings: ConfigMessage[];
  terminating: Terminating | null;
  /** `ssh -G` output (empty when ssh failed). Keywords are lowercase; repeated ones keep every value in order. */
  effective: Map<string, string[]>;
  /** ssh's stderr, verbatim. */
  raw: string;
}

export interface SshdConnection {
  user?: string;
  host?: string;
  addr?: string;
  laddr?: string;
  lport?: number;
  rdomain?: string;
}

export interface SshdOptions {
  /** Name (in `files`) of the file given to -f. Default 'sshd_config'. */
  main?: string;
  /** Appended after the harness's own arguments (e.g. ['-o', 'LogLevel=QUIET'], ['-d']). */
  extraArgs?: string[];
  timeoutMs?: number;
}

export interface SshOptions {
  /** ssh -l USER. */
  user?: string;
  /** Name (in `files`) of the file given to -F. Default 'ssh_config'. */
  main?: string;
  /**
   * What a `Match exec` criterion evaluates to. 'fail' (default): SHELL=/bin/false,
   * nothing is run. 'succeed': SHELL=/bin/true, nothing is run. 'run': /bin/sh runs it.
   */
  exec?: 'fail' | 'succeed' | 'run';
  /** Inserted before the host argument. */
  extraArgs?: string[];
  timeoutMs?: number;
}

// ------------------------------------------------------------------ fixture

interface Base {
  dir: string;
  hostKey: string;
  /** Empty HOME for ssh. */
  home: string;
}

let base: Promise<Base> | undefined;

/** One temp dir and one throwaway ed25519 host key per process. */
function getBase(): Promise<Base> {
  base ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sshlint-config-oracle-'));
    // Config files split paths at whitespace and expand %; messages cut paths at 200 chars.
    if (/[\s%"'#\\{}]/.test(dir) || dir.length > 120) throw new Error(`unusable temp dir for the config oracle: ${dir} (set TMPDIR)`);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const home = join(dir, 'home');
    await mkdir(home, { mode: 0o700 });
    const key = await generateKey(dir, 'ed25519', undefined, 'host');
    return { dir, hostKey: key.privateKey, home };
  })();
  return base;
}

/** Removes the per-process temp dir and host key (call from afterAll). */
export async function cleanupConfigOracle(): Promise<void> {
  const b = base;
  base = undefined;
  const dir = await b?.then((x) => x.dir, () => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
}

// --------------------------------------------------------------- processes

const slots = Math.max(1, availableParallelism());
let active = 0;
const waiting: Array<() => void> = [];

/** At most `slots` children at once; the rest queue (the timeout starts at spawn). */
async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active < slots) active++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight on
    else active--;
  }
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

let isolation: boolean | undefined;

/** `unshare -n` works here (root, and the kernel/container allows a new network namespace). */
function canIsolateNetwork(): boolean {
  if (isolation === undefined) {
    try {
      accessSync(UNSHARE, constants.X_OK);
      const { status } = spawnSync(UNSHARE, ['-n', '/bin/true'], { stdio: 'ignore', timeout: 5_000 });
      isolation = status === 0;
    } catch {
      isolation = false;
    }
  }
  return isolation;
}

/** Runs happen in an empty network namespace. false: host network; nothing connects, but ListenAddress host names and CanonicalizeHostname may do DNS lookups. */
export function configOracleIsolated(): boolean {
  return canIsolateNetwork();
}

/**
 * Runs cmd in its own process group (and network namespace when possible),
 * kills the whole group when `timeoutMs` pass. A death by signal is a harness
 * failure, not a verdict: it throws.
 */
function runCapture(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Ran> {
  const [file, argv] = canIsolateNetwork() ? [UNSHARE, ['-n', cmd, ...args]] : [cmd, args];
  return withSlot(
    () =>
      new Promise<Ran>((resolve, reject) => {
        const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
        const timer = setTimeout(() => {
          timedOut = true;
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, timeoutMs);
        child.on('error', (err) => {
          clearTimeout(timer);
          reject(new Error(`${cmd}: ${err.message}`));
        });
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          const what = `${cmd} ${args.join(' ')}`;
          if (timedOut) reject(new Error(`${what} timed out after ${timeoutMs} ms; stderr:\n${stderr}`));
          else if (code === null) reject(new Error(`${what} died of ${signal}; stderr:\n${stderr}`));
          else resolve({ code, stdout, stderr });
        });
      }),
  );
}

// ------------------------------------------------------------------- files

/** Writes `files` under a fresh dir; returns it. Mode 0644: ssh refuses group/world-writable included files. */
async function writeFiles(files: ConfigFiles, main: string): Promise<string> {
  if (!(main in files)) throw new Error(`config oracle: no file named ${JSON.stringify(main)} in files`);
  const work = await mkdtemp(join((await getBase()).dir, 'c'));
  try {
    for (const [name, content] of Object.entries(files)) {
      const rel = normalize(name);
      if (name === '' || isAbsolute(name) || rel === '.' || rel === '..' || rel.startsWith('../')) {
        throw new Error(`config oracle: file name must be relative and stay inside the temp dir: ${JSON.stringify(name)}`);
      }
      const path = join(work, rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, typeof content === 'string' ? content.replaceAll(CONFIG_DIR, work) : content, { mode: 0o644 });
      await chmod(path, 0o644); // in case of a umask
    }
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
  return work;
}

// --------------------------------------------------------------- messages

interface Raw {
  file: string;
  line: number;
  message: string;
}

/** "FILE: line N: Bad configuration option: X" (parse_token; note the colon after FILE). */
const BAD_OPTION_RE = /^(.+?): line (\d+): (Bad configuration option: .*)$/;
/** "FILE line N: …" (everything else with a location, fatal or error). */
const LOCATED_RE = /^(.+?) line (\d+): (.*)$/;
const TERMINATING_RE = /^(.+?): terminating, (\d+) bad configuration options$/;
/** Log lines that are not about the configuration. */
const NOISE_RE = /^(debug\d: |Pseudo-terminal will not be allocated because stdin is not a terminal\.$)/;

/**
 * Maps OpenSSH's stderr to messages. Formats (servconf.c / readconf.c, 9.2):
 * - `FILE: line N: Bad configuration option: KW`           counted
 * - `FILE line N: <text>`                                  counted error or fatal
 * - `FILE: terminating, N bad configuration options`       fatal after the file -> `terminating`
 * - `Invalid Match address argument 'X' at line N` (and localaddress): fatal, no file;
 *   the file is the only written file whose line N is a Match line containing X
 * - `Unsupported Match attribute X`, `Missing Match criteria for X`, `'all' cannot be
 *   combined …`, `One or more attributes required for Match`, `Invalid LocalPort …`:
 *   no location; they are immediately followed by `FILE line N: Bad Match condition`,
 *   whose location they take
 * - anything else unlocated (e.g. host-key loading after the parse): file '', line 0
 * The last message of a failed run without `terminating` is the fatal one.
 */
function parseMessages(
  stderr: string,
  exitCode: number,
  work: string,
  files: ConfigFiles,
  isWarning: (message: string) => boolean,
): { errors: ConfigMessage[]; warnings: ConfigMessage[]; terminating: Terminating | null } {
  const fileName = (p: string): string => (p.startsWith(`${work}/`) ? p.slice(work.length + 1) : p);
  const text = (s: string): string => s.replaceAll(work, CONFIG_DIR);
  const msgs: Raw[] = [];
  let terminating: Terminating | null = null;
  for (const l of stderr.split(/\r?\n/)) {
    if (l === '' || NOISE_RE.test(l)) continue;
    let m: RegExpExecArray | null;
    if ((m = TERMINATING_RE.exec(l))) {
      terminating = { file: text(fileName(m[1] ?? '')), count: Number(m[2]) };
    } else if ((m = BAD_OPTION_RE.exec(l)) ?? (m = LOCATED_RE.exec(l))) {
      msgs.push({ file: text(fileName(m[1] ?? '')), line: Number(m[2]), message: text(m[3] ?? '') });
    } else {
      msgs.push({ file: '', line: 0, message: text(l) });
    }
  }

  msgs.forEach((msg, i) => {
    if (msg.line !== 0) return;
    const next = msgs[i + 1];
    const at = / at line (\d+)$/.exec(msg.message);
    if (next && next.line !== 0 && next.message === 'Bad Match condition') {
      msg.file = next.file;
      msg.line = next.line;
    } else if (at) {
      msg.line = Number(at[1]);
      const quoted = /'([^']*)'/.exec(msg.message)?.[1];
      const candidates = Object.entries(files).filter(([, content]) => {
        const l = Buffer.from(content).toString('utf8').split('\n')[msg.line - 1];
        return l !== undefined && /^[ \t\r]*match[ \t=]/i.test(l) && (quoted === undefined || l.includes(quoted));
      });
      if (candidates.length === 1) msg.file = candidates[0]?.[0] ?? '';
    }
  });

  const fatalIndex = exitCode !== 0 && terminating === null ? msgs.length - 1 : -1;
  const errors: ConfigMessage[] = [];
  const warnings: ConfigMessage[] = [];
  const seen = new Set<string>();
  msgs.forEach((msg, i) => {
    const out: ConfigMessage = { ...msg, fatal: i === fatalIndex };
    // ssh reads its config twice (canonicalisation, Match final): the same notice twice is one fact.
    const key = JSON.stringify(out);
    if (seen.has(key)) return;
    seen.add(key);
    (!out.fatal && isWarning(out.message) ? warnings : errors).push(out);
  });
  return { errors, warnings, terminating };
}

/** sshd -T / ssh -G output: "keyword value…" per line. */
function parseDump(stdout: string, work: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const l of stdout.split('\n')) {
    const line = l.replace(/\r$/, '');
    if (line === '') continue;
    const sp = line.indexOf(' ');
    const key = (sp < 0 ? line : line.slice(0, sp)).toLowerCase();
    const value = (sp < 0 ? '' : line.slice(sp + 1)).replaceAll(work, CONFIG_DIR);
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

// -------------------------------------------------------------------- sshd

const SSHD_ENV = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };
const SSHD_WARNING_RE = /^(Deprecated|Unsupported) option /;

async function prepareSshd(files: ConfigFiles, main: string): Promise<{ work: string; hostKey: string }> {
  mkdirSync(PRIVSEP_DIR, { recursive: true, mode: 0o755 }); // sshd -t/-T refuse to run without it
  const { hostKey } = await getBase();
  return { work: await writeFiles(files, main), hostKey };
}

/** `sshd -t -f MAIN -h HOSTKEY`: is the configuration accepted, and what does sshd say about which line. */
export async function sshdCheck(files: ConfigFiles, opts: SshdOptions = {}): Promise<SshdCheckResult> {
  const main = opts.main ?? 'sshd_config';
  const { work, hostKey } = await prepareSshd(files, main);
  try {
    const args = ['-t', '-f', join(work, main), '-h', hostKey, ...(opts.extraArgs ?? [])];
    const r = await runCapture(SSHD, args, SSHD_ENV, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const parsed = parseMessages(r.stderr, r.code, work, files, (m) => SSHD_WARNING_RE.test(m));
    return { ok: r.code === 0, exitCode: r.code, ...parsed, raw: r.stderr };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * `sshd -T [-C user=…,host=…,addr=…]`: the effective server configuration.
 * Throws (with sshd's stderr) when sshd rejects the configuration.
 * The harness's own `-h` host key is removed from `hostkey`: an empty or
 * missing `hostkey` means the files set none (a real sshd would then use the
 * default /etc/ssh/ssh_host_*_key files, which -T cannot show here).
 */
export async function sshdEffective(
  files: ConfigFiles,
  connection?: SshdConnection,
  opts: SshdOptions = {},
): Promise<Map<string, string[]>> {
  const main = opts.main ?? 'sshd_config';
  const spec: string[] = [];
  for (const [k, v] of Object.entries(connection ?? {})) {
    if (v === undefined) continue;
    const s = String(v);
    if (/[,\s]/.test(s) || s === '') throw new Error(`sshdEffective: ${k}=${JSON.stringify(s)} cannot be passed in -C`);
    spec.push(`${k}=${s}`);
  }
  const { work, hostKey } = await prepareSshd(files, main);
  try {
    const args = ['-T', '-f', join(work, main), '-h', hostKey];
    if (spec.length > 0) args.push('-C', spec.join(','));
    args.push(...(opts.extraArgs ?? []));
    const r = await runCapture(SSHD, args, SSHD_ENV, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (r.code !== 0) throw new Error(`sshd -T failed (exit ${r.code}):\n${r.stderr.replaceAll(work, CONFIG_DIR)}`);
    const map = parseDump(r.stdout, work);
    const keys = (map.get('hostkey') ?? []).filter((k) => k !== hostKey);
    if (keys.length > 0) map.set('hostkey', keys);
    else map.delete('hostkey');
    return map;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// --------------------------------------------------------------------- ssh

const SHELL_FOR: Record<NonNullable<SshOptions['exec']>, string> = {
  fail: '/bin/false',
  succeed: '/bin/true',
  run: '/bin/sh',
};

/**
 * `ssh -G -F MAIN [-l USER] HOST`: errors and the effective client
 * configuration. ssh -G never connects; see the module comment for exec and DNS.
 */
export async function sshConfigCheck(
  files: ConfigFiles,
  host = 'example.com',
  opts: SshOptions = {},
): Promise<SshCheckResult> {
  if (host === '' || host.startsWith('-')) throw new Error(`sshConfigCheck: bad host ${JSON.stringify(host)}`);
  const main = opts.main ?? 'ssh_config';
  const { home } = await getBase();
  const work = await writeFiles(files, main);
  try {
    const args = ['-G', '-F', join(work, main)];
    if (opts.user !== undefined) args.push('-l', opts.user);
    args.push(...(opts.extraArgs ?? []), host);
    const env = { PATH: '/usr/bin:/bin', LC_ALL: 'C', HOME: home, SHELL: SHELL_FOR[opts.exec ?? 'fail'] };
    const r = await runCapture(SSH, args, env, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const parsed = parseMessages(r.stderr, r.code, work, files, (m) => /^Unsupported option "/.test(m));
    const effective = r.code === 0 ? parseDump(r.stdout, work) : new Map<string, string[]>();
    return { ok: r.code === 0, exitCode: r.code, ...parsed, effective, raw: r.stderr };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
