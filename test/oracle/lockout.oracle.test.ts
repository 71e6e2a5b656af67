/**
 * The lockout analysis against a real sshd. For each fixture repository: install it on a
 * "machine" (a temporary root that a real sshd 9.2 sees as /, through bind mounts in a private
 * mount namespace: /etc/ssh, /home, /root, passwd, group, shadow), with the ownership and modes
 * the repository gives, start sshd with the repository's own sshd_config, log in with every key
 * the analysis found, and require the prediction to equal what happened — both ways. Logins the
 * analysis leaves undecided are tried too, and counted, but not compared.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { chmodSync, chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVersion } from '../../src/core/version.js';
import { analyseLogins, type KeyLogin } from '../../src/lockout/logins.js';
import { DEFAULT_POLICY, type RuleContext } from '../../src/rules/rule.js';
import { lintRepository } from '../lockout/lint-repository.js';
import { FIXTURE_CERTS, FIXTURE_KEYS, LOCKOUT_FIXTURES, type LockoutFixture } from './lockout-fixtures.js';
import { cleanupOracle, generateKey, hasMountNamespaces, hasOpenSSH, machineSshd, requireOpenSSH, type KeyPair, type MachineLogin, type MachineSshd } from './openssh.js';

const VERSION = parseVersion('9.2')!;
const CONTEXT: RuleContext = { version: VERSION, policy: DEFAULT_POLICY, now: Date.UTC(2026, 0, 1) / 1000 };
/** The client offers DSA too, so that sshd, not the client, decides about DSA keys. */
const CLIENT_OPTIONS = { PubkeyAcceptedAlgorithms: '+ssh-dss' };
const FIRST_UID = 20_000;

const available = hasOpenSSH() && hasMountNamespaces();

let workDir: string;
let keys: Record<string, KeyPair>;
/** The certificates by name: the file ssh reads (`CertificateFile`) and its line. */
let certs: Record<string, { path: string; line: string }>;

beforeAll(async () => {
  if (!available) return;
  workDir = await mkdtemp(join(tmpdir(), 'sshlint-lockout-'));
  chmodSync(workDir, 0o755);
  const keyDir = join(workDir, 'keys');
  mkdirSync(keyDir);
  const pairs = await Promise.all(Object.entries(FIXTURE_KEYS).map(async ([name, spec]) => [name, await generateKey(keyDir, spec.type, spec.bits, name)] as const));
  keys = Object.fromEntries(pairs);
  certs = {};
  for (const [name, spec] of Object.entries(FIXTURE_CERTS)) {
    const stem = join(keyDir, `cert-${name}`);
    copyFileSync(keys.certified!.publicKey, `${stem}.pub`);
    const signature = spec.signature ? ['-t', spec.signature] : [];
    execFileSync('ssh-keygen', ['-q', '-s', keys[spec.ca]!.privateKey, ...signature, '-I', name, '-n', spec.principals.join(','), '-V', spec.validity, `${stem}.pub`]);
    certs[name] = { path: `${stem}-cert.pub`, line: readFileSync(`${stem}-cert.pub`, 'utf8').trimEnd() };
  }
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
  await cleanupOracle();
});

// ------------------------------------------------------------------ the prediction

function fixtureFiles(fixture: LockoutFixture): Record<string, string> {
  const line = (name: string): string => {
    if (name.startsWith('cert:')) return certs[name.slice(5)]!.line;
    if (name.startsWith('private:')) return readFileSync(keys[name.slice(8)]!.privateKey, 'utf8');
    return keys[name]!.publicLine;
  };
  return Object.fromEntries(Object.entries(fixture.files).map(([path, text]) => [path, text.replace(/\{\{([\w:]+)\}\}/g, (_, name: string) => line(name))]));
}

// ------------------------------------------------------------------ the machine

/** The users the fixture names: homes in the tree and setup installations. */
function fixtureUsers(fixture: LockoutFixture): string[] {
  const users = new Set<string>();
  for (const path of Object.keys(fixture.files)) {
    const match = /^home\/([^/]+)\//.exec(path);
    if (match) users.add(match[1]!);
  }
  for (const setup of fixture.setups ?? []) for (const i of setup.installations ?? []) if (i.user) users.add(i.user);
  for (const user of fixture.users ?? []) users.add(user);
  users.delete('root');
  return [...users].sort();
}

function home(user: string, uids: Map<string, number>): string {
  return uids.get(user) === 0 ? '/root' : `/home/${user}`;
}

/** Writes `text` at `path` (absolute on the machine), creating directories as `ssh-copy-id` and Ansible do: .ssh 700, file 600, owned by the user. */
function install(machine: string, path: string, text: string, owner: number, append = false): void {
  const target = join(machine, path);
  const dirs: string[] = [];
  for (let dir = dirname(path); dir !== '/'; dir = dirname(dir)) dirs.unshift(dir);
  for (const dir of dirs) {
    const absolute = join(machine, dir);
    mkdirSync(absolute, { recursive: true });
    const mine = dir.startsWith('/home/') || dir === '/root' || dir.startsWith('/root/');
    chownSync(absolute, mine ? owner : 0, mine ? owner : 0);
    chmodSync(absolute, dir.endsWith('/.ssh') ? 0o700 : 0o755);
  }
  writeFileSync(target, text, { flag: append ? 'a' : 'w' });
  chownSync(target, owner, owner);
  chmodSync(target, path.startsWith('/etc/ssh/') && !path.includes('authorized_keys') ? 0o644 : 0o600);
}

/** The fixture's repository installed as its layout and setup code say. */
function buildMachine(machine: string, files: Record<string, string>, fixture: LockoutFixture, uids: Map<string, number>): void {
  const users = [...uids].filter(([user]) => user !== 'root');
  const append = (name: string, lines: string[]): void => {
    writeFileSync(join(machine, 'etc', name), `${lines.join('\n')}\n`, { flag: 'a' });
  };
  mkdirSync(join(machine, 'etc/ssh'), { recursive: true });
  chmodSync(join(machine, 'etc'), 0o755);
  // The real accounts (sshd needs its privsep user), root unlocked for a key login, and the fixture's users.
  writeFileSync(join(machine, 'etc/passwd'), readFileSync('/etc/passwd'));
  writeFileSync(join(machine, 'etc/group'), readFileSync('/etc/group'));
  const shadow = readFileSync('/etc/shadow', 'utf8').replace(/^root:[^:]*:/m, 'root:*:');
  writeFileSync(join(machine, 'etc/shadow'), shadow, { mode: 0o640 });
  // The repository's own account files, when it holds them, are the machine's; else user-private groups.
  const own = (name: string): string[] | undefined => files[`etc/${name}`]?.trimEnd().split('\n');
  append('passwd', own('passwd') ?? users.map(([user, uid]) => `${user}:x:${uid}:${uid}::/home/${user}:/bin/sh`));
  append('group', [...(own('passwd') ? [] : users.map(([user, uid]) => `${user}:x:${uid}:`)), ...(own('group') ?? [])]);
  append('shadow', users.map(([user]) => `${user}:*:19000:0:99999:7:::`));
  for (const dir of ['home', 'root']) mkdirSync(join(machine, dir), { recursive: true, mode: dir === 'root' ? 0o700 : 0o755 });
  for (const [user] of users) install(machine, `/home/${user}/.profile`, '', uids.get(user)!);
  for (const [path, text] of Object.entries(files)) {
    const owner = /^home\/([^/]+)\//.exec(path)?.[1];
    if (path.startsWith('etc/ssh/')) install(machine, `/${path}`, text, 0);
    else if (owner || path.startsWith('root/')) install(machine, `/${path}`, text, owner ? uids.get(owner)! : 0);
  }
  for (const directory of fixture.directories ?? []) {
    for (let dir = directory; dir !== '/'; dir = dirname(dir)) {
      mkdirSync(join(machine, dir), { recursive: true });
      chmodSync(join(machine, dir), 0o755);
    }
  }
  for (const setup of fixture.setups ?? []) {
    for (const i of setup.installations ?? []) {
      const user = i.user!;
      install(machine, i.target ?? `${home(user, uids)}/.ssh/authorized_keys`, files[i.keysFile]!, uids.get(user)!, true);
    }
    // The modes as the provisioning code sets them, with the real chmod.
    for (const m of setup.modes ?? []) execFileSync('chmod', [...(m.recursive ? ['-R'] : []), m.written, join(machine, m.target)]);
  }
}

// ------------------------------------------------------------------ the proof

interface Tally {
  fixtures: number;
  logins: number;
  agreed: number;
  undecided: number;
  /** Real outcomes, so the proof shows both directions. */
  loggedIn: number;
  refused: number;
}
const tally: Tally = { fixtures: 0, logins: 0, agreed: 0, undecided: 0, loggedIn: 0, refused: 0 };
/** The fixtures' own client configurations run with the real ssh: predicted lockouts (SSH707) and real outcomes. */
const clients = { runs: 0, agreed: 0, tooMany: 0, loggedIn: 0 };

/**
 * The real ssh with the user's configuration, as that user on the machine would run it: `~` made
 * the machine's home inside the temporary root (ssh here runs as root), `-l` the local user it
 * stands for, `-p` the port the test sshd listens on; nothing else changes what is offered.
 */
async function runClient(sshd: MachineSshd, machine: string, client: NonNullable<LockoutFixture['client']>): Promise<MachineLogin> {
  const home = join(machine, 'home', client.user);
  const config = `${machine}.client-config`;
  writeFileSync(config, readFileSync(join(machine, client.config), 'utf8').replaceAll('~/', `${home}/`));
  const options = ['BatchMode=yes', 'StrictHostKeyChecking=no', 'UserKnownHostsFile=/dev/null', 'GlobalKnownHostsFile=/dev/null', 'ConnectTimeout=5'];
  return sshd.ssh(['-F', config, '-l', client.user, ...options.flatMap((option) => ['-o', option]), client.host, 'true']);
}

/** The private key to log in with, and for a certificate the options that make ssh present it. */
function credentialsOf(login: KeyLogin): { privateKey: string; options: Record<string, string> } {
  const cert = Object.values(certs).find((candidate) => candidate.line.split(' ')[1] === login.entry.key.base64);
  if (cert) return { privateKey: keys.certified!.privateKey, options: { ...CLIENT_OPTIONS, CertificateFile: cert.path } };
  const pair = Object.values(keys).find((candidate) => candidate.publicLine.split(' ')[1] === login.entry.key.base64);
  if (!pair) throw new Error(`no generated key for ${login.entry.key.typeName} at ${login.keyAt.file}:${login.keyAt.span.line}`);
  return { privateKey: pair.privateKey, options: CLIENT_OPTIONS };
}

it('OpenSSH and mount namespaces are available (mandatory when CI is set)', (ctx) => {
  requireOpenSSH();
  if (process.env.CI && !hasMountNamespaces()) throw new Error('the lockout proof needs `unshare --mount` (util-linux) as root on CI');
  if (!available) ctx.skip();
});

describe.skipIf(!available)('lockout predictions vs a real sshd 9.2', () => {
  for (const [index, fixture] of LOCKOUT_FIXTURES.entries()) {
    it(fixture.name, async () => {
      const base = join(workDir, `f${index}`);
      const repo = join(base, 'repo');
      const machine = join(base, 'machine');
      const files = fixtureFiles(fixture);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(repo, path)), { recursive: true });
        writeFileSync(join(repo, path), text);
      }
      const { model, findings } = await lintRepository(repo, files, fixture.setups ?? [], CONTEXT);
      const logins = analyseLogins(model, CONTEXT);
      expect(logins.length, 'the analysis finds the installed keys').toBeGreaterThan(0);

      const uids = new Map<string, number>([['root', 0], ...fixtureUsers(fixture).map((user, i) => [user, FIRST_UID + i] as const)]);
      // A fixture that holds etc/passwd gives its users' ids itself.
      for (const record of files['etc/passwd']?.split('\n') ?? []) {
        const [user, , uid] = record.split(':');
        if (user && uid) uids.set(user, Number(uid));
      }
      mkdirSync(machine, { recursive: true, mode: 0o755 });
      buildMachine(machine, files, fixture, uids);
      const sshd = await machineSshd(machine);
      const outcomes: string[] = [];
      try {
        for (const login of logins) {
          const credentials = credentialsOf(login);
          const real = await sshd.login(login.user, credentials.privateKey, credentials.options);
          const predicted = login.verdict.outcome;
          const label = `${login.user} with ${login.entry.key.typeName} (${login.keyAt.file}:${login.keyAt.span.line})`;
          outcomes.push(`${label}: predicted ${predicted}, real ${real.loggedIn ? 'logged in' : `refused: ${real.clientLog.trim()}`}`);
          tally.logins++;
          if (real.loggedIn) tally.loggedIn++;
          else tally.refused++;
          if (predicted === 'unknown') {
            tally.undecided++;
            continue;
          }
          expect(predicted === 'accepted', `${label}\n${login.verdict.outcome === 'refused' ? login.verdict.cause.reason : ''}\nclient: ${real.clientLog}\nsshd:\n${sshd.log().slice(-3000)}`).toBe(real.loggedIn);
          tally.agreed++;
        }
        if (fixture.client) {
          const real = await runClient(sshd, machine, fixture.client);
          const predicted = findings.some((finding) => finding.ruleId === 'SSH707');
          const tooMany = real.clientLog.includes('Too many authentication failures');
          outcomes.push(`ssh ${fixture.client.host} with ${fixture.client.config}: predicted ${predicted ? 'too many' : 'no lockout'}, real ${real.loggedIn ? 'logged in' : real.clientLog.trim().split('\n').at(-1)}`);
          clients.runs++;
          if (tooMany) clients.tooMany++;
          if (real.loggedIn) clients.loggedIn++;
          // Both ways: a predicted lockout is the real disconnect, and where none is predicted the login works.
          expect(predicted ? tooMany : real.loggedIn, `${outcomes.at(-1)}\nsshd:\n${sshd.log().slice(-3000)}`).toBe(true);
          clients.agreed++;
        }
      } finally {
        await sshd.stop();
      }
      if (process.env.SSHLINT_LOCKOUT_TRACE) console.log(`${fixture.name}\n  ${outcomes.join('\n  ')}`);
      tally.fixtures++;

      // Every refusal is reported, by a lockout rule or by the per-file rule it defers to; a fixture where every login works has no lockout finding at all.
      // SSH707 is proved by the client run above.
      const lockoutFindings = findings.filter((finding) => finding.category === 'lockout' && finding.ruleId !== 'SSH707');
      for (const login of logins) {
        if (login.verdict.outcome !== 'refused') continue;
        const deferred = login.verdict.cause.reportedBy;
        const reported = deferred ? findings.some((f) => f.ruleId === deferred) : lockoutFindings.some((f) => f.message.includes(login.user) || f.message.startsWith('Everyone'));
        expect(reported, `a finding for ${login.user}: ${outcomes.join('\n')}`).toBe(true);
      }
      if (logins.every((login) => login.verdict.outcome === 'accepted')) expect(lockoutFindings).toEqual([]);
    });
  }

  it('tallies the proof', () => {
    console.log(
      `lockout oracle: ${tally.fixtures} fixtures, ${tally.logins} logins (${tally.loggedIn} logged in, ${tally.refused} refused), ` +
        `${tally.agreed} predictions agreed with sshd, ${tally.undecided} undecided`,
    );
    console.log(`lockout oracle, client configurations: ${clients.runs} runs of the real ssh (${clients.tooMany} "Too many authentication failures", ${clients.loggedIn} logged in), ${clients.agreed} agreed with SSH707`);
    expect(tally.agreed + tally.undecided).toBe(tally.logins);
    expect(clients.agreed).toBe(clients.runs);
    expect(clients.tooMany).toBeGreaterThan(0);
    expect(clients.loggedIn).toBeGreaterThan(0);
    expect(tally.loggedIn).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  });
});
