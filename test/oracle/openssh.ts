/**
 * Test oracle: asks a real OpenSSH sshd (Debian 9.2p1 on CI) what it makes of
 * an authorized_keys file, so rule tests can be checked against sshd itself
 * instead of against our reading of its source.
 *
 * Everything binds 127.0.0.1 only, every child process runs under a deadline
 * and is killed (its whole process group) when the deadline passes.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';
export const SSH = '/usr/bin/ssh';
export const SSH_KEYGEN = '/usr/bin/ssh-keygen';
/** sshd's privilege-separation directory; sshd refuses to start without it. */
const PRIVSEP_DIR = '/run/sshd';
const DEFAULT_TIMEOUT_MS = 20_000;

export type KeyType = 'rsa' | 'dsa' | 'ecdsa' | 'ed25519';

export interface KeyPair {
  type: KeyType;
  /** Path of the private key (mode 0600, no passphrase). */
  privateKey: string;
  /** Path of the .pub file. */
  publicKey: string;
  /** The .pub file's single line, without the trailing newline. */
  publicLine: string;
}

export interface Certificate {
  /** Path of the -cert.pub file. */
  path: string;
  line: string;
}

export interface LineVerdict {
  /** 1-based, as sshd counts (getline: lines end at \n only). */
  line: number;
  /**
   * ignored: blank or comment, sshd never looks at it.
   * parsed: sshd read a key (and its options, if any) from the line.
   * skipped: sshd rejected the line; `reason` is sshd's log message.
   */
  verdict: 'ignored' | 'parsed' | 'skipped';
  reason?: string;
}

export interface SshdLoginOptions {
  authorizedKeys: string | Uint8Array;
  /** Path of the client's private key. */
  privateKey: string;
  /** Path of a certificate for that key; ssh offers it first, then the plain key. */
  certificate?: string;
  /** Extra sshd_config lines. They are written first, and sshd keeps the first value, so they override the harness defaults. */
  sshdOptions?: Record<string, string>;
  /** Extra `ssh -o` options (e.g. PubkeyAcceptedAlgorithms). */
  clientOptions?: Record<string, string>;
  timeoutMs?: number;
}

export interface LoginResult {
  accepted: boolean;
  /** sshd's DEBUG3 log. */
  log: string;
  /** ssh client's stderr. */
  clientLog: string;
}

// ---------------------------------------------------------------- availability

/** OpenSSH binaries present and we are root (the harness logs in as root and needs /run/sshd). */
export function hasOpenSSH(): boolean {
  try {
    for (const bin of [SSHD, SSH, SSH_KEYGEN]) accessSync(bin, constants.X_OK);
  } catch {
    return false;
  }
  return process.getuid?.() === 0;
}

/** util-linux `unshare` can give a process a private mount namespace (machineSshd needs one). */
export function hasMountNamespaces(): boolean {
  const probe = spawnSync('unshare', ['--mount', '--propagation', 'private', 'true'], { stdio: 'ignore', timeout: 10_000 });
  return probe.status === 0;
}

/** On CI a missing OpenSSH is a broken setup, not a reason to skip: throw. */
export function requireOpenSSH(): void {
  if (process.env.CI && !hasOpenSSH()) {
    throw new Error(
      `OpenSSH oracle unavailable on CI: need ${SSHD}, ${SSH}, ${SSH_KEYGEN} and uid 0 ` +
        '(run scripts/install-test-deps.sh as root).',
    );
  }
}

// ------------------------------------------------------------------ processes

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Proc {
  child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  exit: Promise<Exit>;
  /** SIGKILL the process group, unless the leader has already exited. */
  kill(): void;
  /** Resolves true once `pattern` appears in the output, false if the process exits or `ms` pass. */
  waitFor(pattern: RegExp, ms: number): Promise<boolean>;
}

function start(cmd: string, args: string[]): Proc {
  // detached: own process group, so a kill also reaches sshd's privsep children.
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let exited = false;
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<Exit>((resolve) => {
    // 'close' waits for the pipes to drain, so output() is complete afterwards.
    child.on('close', (code, signal) => {
      exited = true;
      for (const l of listeners) l();
      resolve({ code, signal });
    });
    child.on('error', (err) => {
      out += `\n[spawn error] ${err.message}\n`;
    });
  });
  const kill = (): void => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const waitFor = (pattern: RegExp, ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (pattern.test(out)) finish(true);
        else if (exited) finish(false);
      };
      const timer = setTimeout(() => finish(false), Math.max(0, ms));
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        listeners.delete(check);
        resolve(ok);
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => out, exit, kill, waitFor };
}

/** Waits for exit; kills the group and throws when `ms` pass first. */
async function waitExit(proc: Proc, ms: number, what: string): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
  });
  const result = await Promise.race([proc.exit, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    proc.kill();
    throw new Error(`${what} timed out after ${ms} ms; output:\n${tail(proc.output())}`);
  }
  return result;
}

async function run(cmd: string, args: string[], ms: number): Promise<{ exit: Exit; output: string }> {
  const proc = start(cmd, args);
  const exit = await waitExit(proc, ms, `${cmd} ${args.join(' ')}`);
  return { exit, output: proc.output() };
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

// ------------------------------------------------------------------------ keys

let keyCounter = 0;
/** Paths handed out in this process: concurrent calls must not pick the same free name. */
const reservedKeyPaths = new Set<string>();

/** A fresh key with ssh-keygen (no passphrase). Never overwrites: ssh-keygen would ask. */
export async function generateKey(dir: string, type: KeyType, bits?: number, name?: string): Promise<KeyPair> {
  const stem = name ?? `id_${type}${bits ? `_${bits}` : ''}`;
  let base = stem;
  const taken = (b: string): boolean => reservedKeyPaths.has(join(dir, b)) || existsSync(join(dir, b));
  while (taken(base)) base = `${stem}_${++keyCounter}`;
  const privateKey = join(dir, base);
  reservedKeyPaths.add(privateKey);
  const args = ['-q', '-t', type, '-N', '', '-C', `${base}@sshlint-oracle`, '-f', privateKey];
  if (bits !== undefined) args.push('-b', String(bits));
  const { exit, output } = await run(SSH_KEYGEN, args, 30_000);
  if (exit.code !== 0) throw new Error(`ssh-keygen -t ${type} failed: ${output}`);
  const publicKey = `${privateKey}.pub`;
  return { type, privateKey, publicKey, publicLine: (await readFile(publicKey, 'utf8')).trimEnd() };
}

export interface CertificateOptions {
  principals?: string[];
  identity?: string;
  /** ssh-keygen -V, e.g. '-5m:+1h'. Default: forever. */
  validity?: string;
  /** ssh-keygen -O values, e.g. 'no-pty', 'force-command=true'. */
  options?: string[];
  serial?: number;
}

/** Signs a user certificate for `publicKey` (a .pub path) with the CA private key `caKey`. */
export async function makeCertificate(
  caKey: string,
  publicKey: string,
  opts: CertificateOptions = {},
): Promise<Certificate> {
  const args = ['-q', '-s', caKey, '-I', opts.identity ?? 'sshlint-oracle', '-n', (opts.principals ?? ['root']).join(',')];
  if (opts.validity !== undefined) args.push('-V', opts.validity);
  if (opts.serial !== undefined) args.push('-z', String(opts.serial));
  for (const o of opts.options ?? []) args.push('-O', o);
  args.push(publicKey);
  const { exit, output } = await run(SSH_KEYGEN, args, 30_000);
  if (exit.code !== 0) throw new Error(`ssh-keygen -s failed: ${output}`);
  // ssh-keygen names the cert after the key: strip ".pub", append "-cert.pub".
  const path = `${publicKey.replace(/\.pub$/, '')}-cert.pub`;
  return { path, line: (await readFile(path, 'utf8')).trimEnd() };
}

// ----------------------------------------------------------------------- sshd

/** A port that was free a moment ago; sshd's bind can still lose a race, so callers retry. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Fixture {
  dir: string;
  hostKey: string;
  /** Client key plus a certificate from a CA that no authorized_keys file lists. */
  probe: KeyPair;
  probeCert: Certificate;
}

let fixture: Promise<Fixture> | undefined;

/** Removes the per-process fixture (call from afterAll; test workers may die without 'exit'). */
export async function cleanupOracle(): Promise<void> {
  const f = fixture;
  fixture = undefined;
  const dir = await f?.then((x) => x.dir, () => undefined); // a failed fixture left nothing to remove
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Host key and probe identity, made once per process (key generation dominates otherwise). */
function getFixture(): Promise<Fixture> {
  fixture ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sshlint-oracle-'));
    // sshd_config would split the path at whitespace and expand %; sshd's log cuts locations at 200 chars.
    if (/[\s%"]/.test(dir) || dir.length > 150) throw new Error(`unusable temp dir for sshd: ${dir} (set TMPDIR)`);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const [host, probe, ca] = await Promise.all([
      generateKey(dir, 'ed25519', undefined, 'host'),
      generateKey(dir, 'ed25519', undefined, 'probe'),
      generateKey(dir, 'ed25519', undefined, 'untrusted_ca'),
    ]);
    const probeCert = await makeCertificate(ca.privateKey, probe.publicKey, { identity: 'probe' });
    return { dir, hostKey: host.privateKey, probe, probeCert };
  })();
  return fixture;
}

function baseConfig(authorizedKeysFile: string): Record<string, string> {
  return {
    ListenAddress: '127.0.0.1',
    StrictModes: 'no', // temp dirs live under world-writable /tmp
    AuthorizedKeysFile: authorizedKeysFile,
    UsePAM: 'no',
    PermitRootLogin: 'yes',
    PubkeyAuthentication: 'yes',
    PasswordAuthentication: 'no',
    KbdInteractiveAuthentication: 'no',
    LogLevel: 'DEBUG3',
    PidFile: 'none',
    PrintMotd: 'no',
    PrintLastLog: 'no',
    LoginGraceTime: '30', // backstop in case our own kill never happens
  };
}

function configText(...layers: Array<Record<string, string> | undefined>): string {
  // sshd keeps the first value of a keyword, so earlier layers win.
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {})) {
      if (seen.has(k.toLowerCase())) continue;
      seen.add(k.toLowerCase());
      lines.push(`${k} ${v}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const CLIENT_BASE: string[] = [
  '-F', '/dev/null', // no user or system ssh_config
  '-o', 'IdentitiesOnly=yes',
  '-o', 'IdentityAgent=none',
  '-o', 'BatchMode=yes',
  '-o', 'PreferredAuthentications=publickey',
  '-o', 'StrictHostKeyChecking=no',
  '-o', 'UserKnownHostsFile=/dev/null',
  '-o', 'GlobalKnownHostsFile=/dev/null',
  '-o', 'ConnectTimeout=5',
  '-o', 'LogLevel=ERROR',
];

interface Session {
  log: string;
  clientExit: Exit;
  clientLog: string;
}

/**
 * One sshd in single-connection debug mode (-d: no fork, exits after the
 * connection), one ssh client against it, both under one deadline.
 */
async function sshdSession(
  config: string,
  clientArgs: string[],
  timeoutMs: number,
): Promise<Session> {
  const deadline = Date.now() + timeoutMs;
  const left = (): number => deadline - Date.now();
  mkdirSync(PRIVSEP_DIR, { recursive: true, mode: 0o755 });
  const { dir: fixtureDir, hostKey } = await getFixture();
  const work = await mkdtemp(join(fixtureDir, 's'));
  try {
    const cfg = join(work, 'sshd_config');
    await writeFile(cfg, config);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const sshd = start(SSHD, ['-d', '-d', '-d', '-e', '-f', cfg, '-h', hostKey, '-p', String(port)]);
      try {
        if (!(await sshd.waitFor(/^Server listening on 127\.0\.0\.1 port \d+\.$/m, left()))) {
          sshd.kill();
          const log = sshd.output();
          // Someone took the port between freePort() and sshd's bind: try another.
          if (/Bind to port \d+ .* failed|Cannot bind any address/.test(log) && attempt < 5) continue;
          throw new Error(`sshd did not start listening (port ${port}):\n${tail(log)}`);
        }
        const client = start(SSH, [...clientArgs, '-p', String(port), 'root@127.0.0.1', 'true']);
        const clientExit = await waitExit(client, left(), 'ssh client');
        await waitExit(sshd, left(), 'sshd');
        return { log: sshd.output(), clientExit, clientLog: client.output() };
      } finally {
        sshd.kill();
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A real login as root with `privateKey` (and `certificate`) against `authorizedKeys`. */
export async function sshdLogin(opts: SshdLoginOptions): Promise<LoginResult> {
  const { dir } = await getFixture();
  const akDir = await mkdtemp(join(dir, 'l'));
  try {
    const akFile = join(akDir, 'authorized_keys');
    await writeFile(akFile, opts.authorizedKeys);
    const client = [...CLIENT_BASE, '-i', opts.privateKey];
    if (opts.certificate !== undefined) client.push('-o', `CertificateFile=${opts.certificate}`);
    for (const [k, v] of Object.entries(opts.clientOptions ?? {})) client.push('-o', `${k}=${v}`);
    const s = await sshdSession(
      configText(opts.sshdOptions, baseConfig(akFile)),
      client,
      opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    // sshd's own verdict; the exit code covers a LogLevel override hiding it.
    const accepted = /^Accepted (publickey|certificate) /m.test(s.log) || s.clientExit.code === 0;
    return { accepted, log: s.log, clientLog: s.clientLog };
  } finally {
    await rm(akDir, { recursive: true, force: true });
  }
}

/**
 * sshd's verdict on every line of an authorized_keys text, from one sshd run.
 *
 * The client presents a certificate from a CA the file cannot contain. For a
 * certificate sshd wants KEY_UNSPEC, so it runs sshkey_read on every non-blank
 * line (not only lines of the presented key type) and matches none of them.
 */
export async function sshdLineVerdicts(
  authorizedKeys: string | Uint8Array,
  opts: { timeoutMs?: number } = {},
): Promise<LineVerdict[]> {
  const { dir, probe, probeCert } = await getFixture();
  const akDir = await mkdtemp(join(dir, 'v'));
  try {
    const akFile = join(akDir, 'ak');
    const content = Buffer.from(authorizedKeys);
    await writeFile(akFile, content);
    const client = [
      ...CLIENT_BASE,
      '-i', probe.privateKey,
      '-o', `CertificateFile=${probeCert.path}`,
      // Offer only the certificate: a plain-key offer would start a second, type-filtered pass.
      '-o', 'PubkeyAcceptedAlgorithms=ssh-ed25519-cert-v01@openssh.com',
    ];
    const s = await sshdSession(configText(baseConfig(akFile)), client, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return verdictsFromLog(s.log, akFile, content);
  } finally {
    await rm(akDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------- log -> verdicts

/** Lines as getline(3) returns them: split at \n only, no empty line after a final \n. */
export function sshdLines(content: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i < content.length; i++) {
    if (content[i] === 0x0a) {
      lines.push(content.subarray(from, i));
      from = i + 1;
    }
  }
  if (from < content.length) lines.push(content.subarray(from));
  return lines;
}

/**
 * auth_check_authkeys_file: skip spaces and tabs, then an empty line or '#'
 * means the line is never parsed. A NUL ends the C string, so it counts as empty.
 * Note: CR is not blank, so a CRLF "empty" line IS parsed (and skipped).
 */
export function sshdIgnoresLine(line: Uint8Array): boolean {
  let i = 0;
  while (line[i] === 0x20 || line[i] === 0x09) i++;
  const c = line[i];
  return c === undefined || c === 0x00 || c === 0x23;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Maps sshd's DEBUG3 log of the certificate pass over `file` to verdicts.
 * Per non-blank line, auth_check_authkey_line logs (LOG_STDERR adds "debugN: "):
 * - nothing                                   -> parsed (key read directly, no options)
 * - "debug2: F:N: check options: '…'" alone   -> parsed (options, then key, options valid)
 * - "debug2: F:N: advance: '…'"               -> skipped (no key after the options token)
 * - "debug1: F:N: bad key options: REASON"    -> skipped (sshauthopt_parse failed)
 * - "invalid key option string" (error, no location; follows that line's
 *   "check options")                          -> skipped (unterminated quote)
 * The pass ends with "debug2: auth_check_authkeys_file: F: processed NB/N lines",
 * which is checked against our own count of ignored lines.
 */
export function verdictsFromLog(log: string, file: string, content: Uint8Array): LineVerdict[] {
  const lines = sshdLines(content);
  const f = escapeRegExp(file);
  const end = new RegExp(`^debug2: auth_check_authkeys_file: ${f}: processed (\\d+)/(\\d+) lines`, 'm').exec(log);
  if (!end) throw new Error(`sshd never finished reading ${file}; log tail:\n${tail(log)}`);
  const nonBlank = lines.filter((l) => !sshdIgnoresLine(l)).length;
  if (Number(end[1]) !== nonBlank || Number(end[2]) !== lines.length) {
    throw new Error(
      `sshd processed ${end[1]}/${end[2]} lines, harness expected ${nonBlank}/${lines.length}`,
    );
  }

  const skipped = new Map<number, string>();
  // sshd -e ends each record with \r\n; a quoted line's own \n (or \r\n) puts the closing quote on a line of its own.
  const logLines = log.slice(0, end.index).split(/\r?\n/);
  const checkRe = new RegExp(`^debug2: ${f}:(\\d+): check options: '`);
  const advanceRe = new RegExp(`^debug2: ${f}:(\\d+): advance: '(.*)$`);
  const badRe = new RegExp(`^debug1: ${f}:(\\d+): (bad key options: .*)$`);
  let pending: number | undefined; // line whose "check options" came last
  for (let i = 0; i < logLines.length; i++) {
    const l = logLines[i] ?? '';
    let m: RegExpExecArray | null;
    if ((m = checkRe.exec(l))) {
      pending = Number(m[1]);
    } else if ((m = advanceRe.exec(l))) {
      // The quoted rest keeps the line's \n, so the closing quote is usually alone on the next log line.
      const closedBelow = logLines[i + 1] === "'";
      const rest = (m[2] ?? '').slice(0, closedBelow ? undefined : -1);
      skipped.set(Number(m[1]), `advance: '${rest}'`);
    } else if ((m = badRe.exec(l))) {
      skipped.set(Number(m[1]), m[2] ?? '');
    } else if (/^(error: )?invalid key option string$/.test(l) && pending !== undefined) {
      skipped.set(pending, 'invalid key option string');
    }
  }

  return lines.map((line, i): LineVerdict => {
    const n = i + 1;
    const reason = skipped.get(n);
    if (sshdIgnoresLine(line)) {
      if (reason !== undefined) throw new Error(`sshd reported ignored line ${n}: ${reason}`);
      return { line: n, verdict: 'ignored' };
    }
    return reason === undefined ? { line: n, verdict: 'parsed' } : { line: n, verdict: 'skipped', reason };
  });
}

// ------------------------------------------------------------ a whole machine

/** The host directories a machine root may replace: sshd reads them by absolute path. */
const MACHINE_MOUNTS = ['etc/ssh', 'home', 'root', 'etc/passwd', 'etc/group', 'etc/shadow', 'srv'];

export interface MachineLogin {
  /** A session ran (ssh's exit status is the command's, not 255). */
  loggedIn: boolean;
  exitCode: number | null;
  /** The client's stderr ("Permission denied (publickey)."). */
  clientLog: string;
}

export interface MachineSshd {
  /** False when sshd exited at startup; `log()` says why. Logins then fail like a connection refused. */
  started: boolean;
  login(user: string, privateKey: string, clientOptions?: Record<string, string>): Promise<MachineLogin>;
  /** ssh with the caller's own arguments (its configuration, identities, destination), sent to this sshd's port. */
  ssh(args: readonly string[]): Promise<MachineLogin>;
  /** sshd's log so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * A real sshd (-D, one process for many logins) that sees `machineRoot` as the machine: its
 * etc/ssh, home, root, etc/passwd, etc/group, etc/shadow and srv (a chroot's place; those that exist) are bind-mounted
 * over the real ones in a private mount namespace, so absolute paths in the configuration, users'
 * homes, `~`, Includes and StrictModes' checks all resolve inside it, with the real ownership and
 * modes of the files there. It reads /etc/ssh/sshd_config as the repository wrote it; the command
 * line only adds what a test needs (first value wins): loopback, a free port, no PAM, VERBOSE log.
 */
export async function machineSshd(machineRoot: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<MachineSshd> {
  mkdirSync(PRIVSEP_DIR, { recursive: true, mode: 0o755 });
  const { hostKey } = await getFixture();
  const binds = MACHINE_MOUNTS.filter((target) => existsSync(join(machineRoot, target)))
    .map((target) => `mount --bind '${join(machineRoot, target)}' '/${target}'`)
    .join(' && ');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const sshdArgs = ['-D', '-e', '-f', '/etc/ssh/sshd_config', '-h', hostKey, '-p', String(port)];
    for (const option of ['ListenAddress=127.0.0.1', 'PidFile=none', 'UsePAM=no', 'LogLevel=VERBOSE']) sshdArgs.push('-o', option);
    const script = `${binds ? `${binds} && ` : ''}exec ${SSHD} ${sshdArgs.map((a) => `'${a}'`).join(' ')}`;
    const sshd = start('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c', script]);
    const started = await sshd.waitFor(/^Server listening on 127\.0\.0\.1 port \d+\.\r?$/m, timeoutMs);
    if (!started) {
      sshd.kill();
      if (/Bind to port \d+ .* failed|Cannot bind any address/.test(sshd.output()) && attempt < 5) continue;
    }
    const ssh = async (args: readonly string[]): Promise<MachineLogin> => {
      if (!started) return { loggedIn: false, exitCode: 255, clientLog: 'sshd is not running' };
      const client = start(SSH, ['-p', String(port), ...args]);
      const exit = await waitExit(client, timeoutMs, 'ssh client');
      return { loggedIn: exit.code !== null && exit.code !== 255, exitCode: exit.code, clientLog: client.output() };
    };
    return {
      started,
      log: () => sshd.output(),
      login(user, privateKey, clientOptions = {}) {
        const args = [...CLIENT_BASE, '-i', privateKey];
        for (const [k, v] of Object.entries(clientOptions)) args.push('-o', `${k}=${v}`);
        return ssh([...args, `${user}@127.0.0.1`, 'true']);
      },
      ssh,
      async stop() {
        sshd.kill();
        await sshd.exit;
      },
    };
  }
}
