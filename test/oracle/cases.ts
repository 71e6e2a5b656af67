/**
 * The lines the oracle suite puts to sshd and ssh-keygen: every valid key line, the
 * same lines with options (good and bad), formatting variants, and mutations generated
 * deterministically (seeded per key, so adding a case elsewhere moves nothing).
 */
import { encodeBase64 } from '../../src/ssh/base64.js';
import {
  buildCert,
  ed25519Pair,
  p256Pair,
  principals,
  rsaPair,
  skEcdsaBlob,
  skEcdsaSigner,
  skEd25519Blob,
  skEd25519Signer,
  w,
  type Signer,
} from '../ssh/build.js';
import type { KeyLine, KeyMaterial } from './key-material.js';

/** A line as it goes into the file, without its \n: text (written as UTF-8) or raw bytes. */
export type Line = string | Uint8Array;

export interface OracleCase {
  /** Stable id, e.g. `valid/ed25519`, `mutation/rsa2048/truncate@37`. */
  id: string;
  lines: Line[];
  /** Needs a file of its own that starts with a UTF-8 byte-order mark. */
  bom?: boolean;
  /** Also put to `ssh-keygen -l` as a .pub file of its own. */
  pub?: boolean;
}

// ------------------------------------------------------------------ randomness

/** mulberry32: small, fast, and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// --------------------------------------------------------------------- options

/**
 * Options fields put in front of a key. Grouped loosely as sshd should take them, but the
 * verdict is sshd's: the suite only checks that sshlint agrees.
 */
export const OPTION_VARIANTS: readonly string[] = [
  // flags and their negations
  'restrict',
  'cert-authority',
  'port-forwarding',
  'no-port-forwarding',
  'agent-forwarding',
  'no-agent-forwarding',
  'x11-forwarding',
  'no-x11-forwarding',
  'no-X11-forwarding',
  'touch-required',
  'no-touch-required',
  'verify-required',
  'no-verify-required',
  'pty',
  'no-pty',
  'user-rc',
  'no-user-rc',
  // case variants: names are matched with strncasecmp
  'RESTRICT',
  'No-Pty',
  'NO-PORT-FORWARDING',
  'Cert-Authority',
  'COMMAND="ls"',
  'From="127.0.0.1"',
  // valued options, good values
  'command="ls"',
  'command=""',
  'command="echo hello world"',
  'command="printf \'%s\\n\' \\"quoted\\""',
  'command="a\\b"',
  'command="tab\there"',
  'command="# not a comment"',
  'command="ünïcødé ☃"',
  'command="x,y"',
  'principals="alice"',
  'principals="alice,bob"',
  'principals=""',
  'from="10.0.0.0/8"',
  'from="*.example.com,!bad.example.com"',
  'from="127.0.0.1,::1"',
  'from=""',
  'from="not a pattern at all"',
  'expiry-time="20990101"',
  'expiry-time="209912312359"',
  'expiry-time="20991231235959"',
  'expiry-time="20990101Z"',
  'expiry-time="20990101z"',
  'expiry-time="20990101UTC"',
  'expiry-time="20990101utc"',
  'expiry-time="20000101"',
  'expiry-time="19700101000001Z"',
  'expiry-time="20990230"',
  'expiry-time="20990101000060"',
  'expiry-time="20990101000061"',
  'expiry-time="2099 101"',
  'expiry-time="2099\t101"',
  'expiry-time="2099\v101"',
  'expiry-time="20990101\t"',
  'expiry-time=" 2099101"',
  'environment="A=1"',
  'environment="A_B1=x y z"',
  'environment="1A=2"',
  'environment="A="',
  'environment="A=1",environment="A=2"',
  'environment="_=x"',
  'permitopen="host:22"',
  'permitopen="host:*"',
  'permitopen="[::1]:22"',
  'permitopen="*:22"',
  'permitopen="host/22"',
  'permitopen="host: 22"',
  'permitopen="host:+22"',
  'permitopen="host:65535"',
  'permitopen="a:1",permitopen="b:2"',
  'permitlisten="8080"',
  'permitlisten="localhost:8080"',
  'permitlisten="[::1]:8080"',
  'permitlisten="*:8080"',
  'permitlisten="*"',
  'tunnel="0"',
  'tunnel="1"',
  'tunnel="any"',
  'tunnel="ANY"',
  'tunnel="2147483645"',
  'tunnel=" 7"',
  'tunnel="+7"',
  // combinations, empty and leading/trailing commas
  'restrict,pty',
  'restrict,command="true",from="127.0.0.1"',
  'no-pty,no-agent-forwarding,no-port-forwarding,no-X11-forwarding,no-user-rc',
  'no-pty,,no-X11-forwarding',
  ',no-pty',
  ',,,',
  ',',
  'no-pty,',
  'cert-authority,principals="root"',
  // expected to make sshd skip the line
  'no-foo',
  'foo',
  'no-restrict',
  'no-cert-authority',
  'no-ptyx',
  'ptyfoo',
  'restrictx',
  'no_pty',
  'no-pty;no-user-rc',
  'no-pty.no-user-rc',
  'command=ls',
  'command=',
  "command='ls'",
  'command="ls"x',
  'command="ls""x"',
  'command="a",command="b"',
  'principals="a",principals="b"',
  'from="a",from="b"',
  'from=127.0.0.1',
  'expiry-time="2099-12-31"',
  'expiry-time="2099123"',
  'expiry-time="209901011"',
  'expiry-time="20991301"',
  'expiry-time="20990001"',
  'expiry-time="20990100"',
  'expiry-time="20990132"',
  'expiry-time="209901012400"',
  'expiry-time="209901011260"',
  'expiry-time="20990101000062"',
  'expiry-time="2099010a"',
  'expiry-time="20990101 "',
  'expiry-time="Z"',
  'expiry-time="UTC"',
  'expiry-time="19700101"',
  'expiry-time="19691231"',
  'expiry-time="00000101"',
  'expiry-time="00990101"',
  'expiry-time="  990101"',
  'expiry-time="20990101GMT"',
  'expiry-time=""',
  'environment="A"',
  'environment="=x"',
  'environment="A-B=1"',
  'environment="A B=1"',
  'environment="ÄB=1"',
  'environment=""',
  'permitopen="host"',
  'permitopen="host:0"',
  'permitopen="host:65536"',
  'permitopen="host:-1"',
  'permitopen="host:22x"',
  'permitopen="host:ssh "',
  'permitopen="[::1]22"',
  'permitopen="[::1"',
  'permitopen=""',
  'permitopen=":22"',
  'permitlisten="0"',
  'permitlisten="host:"',
  'permitlisten="99999"',
  'tunnel="-1"',
  'tunnel="2147483646"',
  'tunnel="x"',
  'tunnel=""',
  'tunnel="1:2"',
  'tunnel="\u00a07"',
  'tunnel="\u20037"',
  'permitopen="host:\u00a022"',
  'permitopen="host:\u200322"',
  'permitopen="host:22:33"',
  'permitlisten="[::1]"',
  'permitlisten="host/8080"',
  `permitopen="${'h'.repeat(1024)}:22"`,
  `permitopen="${'h'.repeat(1025)}:22"`,
  `permitopen="[${'h'.repeat(1022)}]:22"`,
  `permitopen="[${'h'.repeat(1023)}]:22"`,
  `permitopen="${'é'.repeat(512)}:22"`,
  `permitopen="${'é'.repeat(513)}:22"`,
  `permitlisten="${'é'.repeat(513)}:22"`,
  // quoting
  'command="unterminated',
  'command="x\\"',
  'command="a\\"b',
  '"no-pty"',
  'no-pty"',
  // separators sshd does not know
  'no-pty, no-user-rc',
  'no-pty ,no-user-rc',
  'no-pty,\tno-user-rc',
  'command ="ls"',
  'command= "ls"',
  'no-pty,,',
  // hostnames and markers from other files
  'host.example.com',
  '|1|F1E1KeoE/eEWhi10WpGv4OdiO6Y=|3988QV0VE8wmZL7suNrYQLITLCg=',
  '@cert-authority',
  '*',
  '2048',
  '0',
];

/**
 * Ports given as service names: sshd looks them up with getservbyname(3) in the server's
 * /etc/services (case-sensitively); sshlint knows the Debian/Ubuntu table.
 */
const SERVICE_NAMES: readonly string[] = ['ssh', 'http', 'ftp', 'domain', 'kerberos', 'git', 'nosuchservice', 'SSH', 'Ssh', 'x-y.z_1'];

// -------------------------------------------------------------------- builders

class Cases {
  readonly list: OracleCase[] = [];
  private readonly ids = new Set<string>();
  add(id: string, lines: Line | Line[], extra: Omit<OracleCase, 'id' | 'lines'> = {}): void {
    let unique = id;
    for (let n = 2; this.ids.has(unique); n++) unique = `${id}#${n}`;
    this.ids.add(unique);
    this.list.push({ id: unique, lines: Array.isArray(lines) ? lines : [lines], ...extra });
  }
}

/** `label base64` without the comment. */
const bare = (k: KeyLine): string => `${k.label} ${k.base64}`;

function insertAt(text: string, at: number, what: string): string {
  return text.slice(0, at) + what + text.slice(at);
}

function replaceAt(text: string, at: number, what: string): string {
  return text.slice(0, at) + what + text.slice(at + 1);
}

/** The valid lines, unchanged and in every harmless formatting sshd allows. */
function validCases(c: Cases, keys: KeyMaterial): void {
  for (const k of keys.all) {
    c.add(`valid/${k.name}`, k.line, { pub: true });
    c.add(`valid/${k.name}/bare`, bare(k), { pub: true });
    c.add(`valid/${k.name}/indented`, `   ${k.line}`);
    c.add(`valid/${k.name}/tab-indented`, `\t ${k.line}`);
    c.add(`valid/${k.name}/tabs`, `${k.label}\t${k.base64}\t\tcomment after tabs`, { pub: true });
    c.add(`valid/${k.name}/many-spaces`, `${k.label}     ${k.base64}      spaced comment`);
    c.add(`valid/${k.name}/trailing-blank`, `${bare(k)} \t`);
    c.add(`valid/${k.name}/crlf`, `${k.line}\r`, { pub: true });
    c.add(`valid/${k.name}/crlf-bare`, `${bare(k)}\r`);
    c.add(`valid/${k.name}/comment-quotes`, `${bare(k)} "quoted" 'single' \\back`);
    c.add(`valid/${k.name}/comment-unicode`, `${bare(k)} ünïcødé ☃ 鍵 user@höst`, { pub: true });
    c.add(`valid/${k.name}/comment-nbsp`, `${bare(k)} a\u00a0b`);
    c.add(`valid/${k.name}/comment-hash`, `${bare(k)} # not a comment start`);
    c.add(`valid/${k.name}/comment-is-a-key`, `${bare(k)} ${keys.all[0]!.line}`);
    c.add(`valid/${k.name}/restrict`, `restrict ${k.line}`, { pub: true });
    c.add(`valid/${k.name}/options-tab`, `no-pty,no-user-rc\t${k.line}`);
    c.add(`valid/${k.name}/options-crlf`, `restrict,command="uptime" ${k.line}\r`);
  }
  // sshkey_read takes any keyimpl name: rsa-sha2-* names read RSA keys and certificates.
  for (const k of keys.all.filter((x) => x.label === 'ssh-rsa')) {
    c.add(`valid/${k.name}/rsa-sha2-256-label`, `rsa-sha2-256 ${k.base64} relabelled`, { pub: true });
    c.add(`valid/${k.name}/rsa-sha2-512-label`, `rsa-sha2-512 ${k.base64}`);
  }
  for (const k of keys.all.filter((x) => x.label === 'ssh-rsa-cert-v01@openssh.com')) {
    c.add(`valid/${k.name}/rsa-sha2-256-cert-label`, `rsa-sha2-256-cert-v01@openssh.com ${k.base64}`, { pub: true });
    c.add(`valid/${k.name}/rsa-sha2-512-cert-label`, `rsa-sha2-512-cert-v01@openssh.com ${k.base64}`);
  }
  for (const k of keys.all.filter((x) => x.label === 'sk-ecdsa-sha2-nistp256@openssh.com')) {
    c.add(`valid/${k.name}/webauthn-label`, `webauthn-sk-ecdsa-sha2-nistp256@openssh.com ${k.base64}`, { pub: true });
  }
  for (const k of keys.all.filter((x) => x.label === 'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com')) {
    // Not a key type name before OpenSSH 10.3.
    c.add(`label/${k.name}/webauthn-cert-label`, `webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com ${k.base64}`, { pub: true });
  }
}

/** Every option, good and bad, on a rotating key; a core set on every key. */
function optionCases(c: Cases, keys: KeyMaterial): void {
  const all = keys.all;
  const rotate = (i: number): KeyLine => all[i % all.length]!;
  OPTION_VARIANTS.forEach((opt, i) => {
    c.add(`options/${opt}`, `${opt} ${rotate(i).line}`, { pub: i % 2 === 0 });
    c.add(`options-tab/${opt}`, `${opt}\t${bare(rotate(i + 7))}`);
  });
  SERVICE_NAMES.forEach((name, i) => {
    c.add(`service-name/permitopen/${name}`, `permitopen="host:${name}" ${rotate(i).line}`);
    c.add(`service-name/permitlisten/${name}`, `permitlisten="localhost:${name}",no-pty ${rotate(i + 5).line}`);
  });
  const core = ['no-pty', 'restrict,command="echo \\"hi\\""', 'no-foo', 'command=true', 'no-pty, no-user-rc', 'command="x', 'from="10.0.0.1",no-agent-forwarding'];
  for (const k of all) {
    for (const opt of core) c.add(`options/core/${k.name}/${opt}`, `${opt} ${k.line}`);
    c.add(`options/${k.name}/indented`, `  \tno-pty ${k.line}`);
    c.add(`options/${k.name}/blanks-before-key`, `no-pty \t  ${k.line}`);
    c.add(`options/${k.name}/quoted-blank`, `command="a b\tc",no-pty ${k.line}`);
    c.add(`options/${k.name}/nbsp-before-key`, `no-pty\u00a0${k.line}`);
  }
}

/** Deterministic damage to every valid line. */
function mutationCases(c: Cases, keys: KeyMaterial): void {
  const all = keys.all;
  for (const k of all) {
    const rnd = prng(seedOf(k.name));
    const pick = (n: number): number => Math.floor(rnd() * n);
    const b = k.base64;
    const len = b.length;
    const id = (what: string): string => `mutation/${k.name}/${what}`;
    const line = (base64: string, label = k.label, comment = 'mutated'): string => `${label} ${base64} ${comment}`;
    const pub = (): boolean => pick(6) === 0;

    // Truncations: the edges and random offsets.
    const cuts = new Set([0, 1, 2, 3, 4, 5, 8, 11, 12, 16, 20, Math.floor(len / 2), len - 8, len - 5, len - 4, len - 3, len - 2, len - 1]);
    while (cuts.size < 26) cuts.add(1 + pick(len - 1));
    for (const cut of cuts) c.add(id(`truncate@${cut}`), line(b.slice(0, cut)), { pub: pub() });
    c.add(id('truncate-no-comment'), `${k.label} ${b.slice(0, len - 6)}`);
    c.add(id('label-only'), k.label, { pub: true });
    c.add(id('label-blank'), `${k.label} `);
    c.add(id('blob-only'), b, { pub: true });
    c.add(id('blob-comment'), `${b} ${k.comment}`);

    // Blanks inside the base64.
    for (let n = 0; n < 4; n++) c.add(id(`space@${n}`), line(insertAt(b, 1 + pick(len - 1), ' ')), { pub: pub() });
    for (let n = 0; n < 2; n++) c.add(id(`tab@${n}`), line(insertAt(b, 1 + pick(len - 1), '\t')));
    c.add(id('two-spaces'), line(insertAt(insertAt(b, 30, ' '), 60, ' ')));
    c.add(id('space-before-padding'), line(b.endsWith('=') ? insertAt(b, b.indexOf('='), ' ') : `${b} =`));
    // Other whitespace b64_pton skips (sshkey_read only splits at space and tab).
    c.add(id('vertical-tab'), line(insertAt(b, 1 + pick(len - 1), '\v')), { pub: true });
    c.add(id('form-feed'), line(insertAt(b, 1 + pick(len - 1), '\f')));
    c.add(id('lone-cr'), line(insertAt(b, 1 + pick(len - 1), '\r')));
    c.add(id('nbsp'), line(insertAt(b, 1 + pick(len - 1), '\u00a0')));
    c.add(id('nbsp-after-label'), `${k.label}\u00a0${b}`, { pub: true });

    // Deleted, duplicated, substituted characters.
    for (let n = 0; n < 5; n++) c.add(id(`delete@${n}`), line(replaceAt(b, pick(len), '')), { pub: pub() });
    for (let n = 0; n < 3; n++) {
      const at = pick(len);
      c.add(id(`duplicate@${n}`), line(insertAt(b, at, b[at]!)));
    }
    for (let n = 0; n < 8; n++) {
      const at = pick(len);
      let ch = B64[pick(64)]!;
      if (ch === b[at]) ch = B64[(B64.indexOf(ch) + 1) % 64]!;
      c.add(id(`substitute@${n}`), line(replaceAt(b, at, ch)), { pub: pub() });
    }
    const strangers = ['-', '_', '.', '!', 'é', '*', '~', '\\'];
    for (let n = 0; n < 3; n++) c.add(id(`non-base64@${n}`), line(replaceAt(b, pick(len), strangers[pick(strangers.length)]!)));

    // Case changes.
    c.add(id('label-upper'), line(b, k.label.toUpperCase()), { pub: true });
    c.add(id('label-capitalized'), line(b, k.label[0]!.toUpperCase() + k.label.slice(1)));
    c.add(id('base64-upper'), line(b.toUpperCase()));
    for (let n = 0; n < 3; n++) {
      let at = pick(len);
      while (!/[A-Za-z]/.test(b[at]!)) at = (at + 1) % len;
      const ch = b[at]!;
      c.add(id(`flip-case@${n}`), line(replaceAt(b, at, ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())));
    }

    // Labels of other types (and curves) on this blob.
    const others = all.filter((o) => o.label !== k.label);
    for (let n = 0; n < 4; n++) c.add(id(`label-of@${n}`), line(b, others[pick(others.length)]!.label), { pub: pub() });
    if (k.label.includes('nistp')) {
      for (const curve of ['nistp256', 'nistp384', 'nistp521']) {
        const label = k.label.replace(/nistp\d+/, curve);
        if (label !== k.label) c.add(id(`curve-${curve}`), line(b, label), { pub: true });
      }
    }
    const certLabel = k.certificate ? k.label.replace('-cert-v01@openssh.com', '').replace(/@openssh\.com$/, '') : '';
    if (k.certificate) c.add(id('plain-label-on-cert'), line(b, k.label.startsWith('sk-') ? `${certLabel}@openssh.com` : certLabel));
    else c.add(id('cert-label-on-plain'), line(b, k.label.replace(/(@openssh\.com)?$/, '-cert-v01@openssh.com')));
    c.add(id('short-label'), line(b, k.label.replace(/^ssh-/, '').replace(/-sha2-.*/, '')));
    c.add(id('label-ssh-xmss'), line(b, 'ssh-xmss@openssh.com'));

    // Split across lines, and lines run together.
    for (let n = 0; n < 2; n++) {
      const at = 1 + pick(len - 1);
      c.add(id(`split@${n}`), [`${k.label} ${b.slice(0, at)}`, `${b.slice(at)} ${k.comment}`]);
    }
    const third = Math.floor(len / 3);
    c.add(id('split-3'), [`${k.label} ${b.slice(0, third)}`, b.slice(third, 2 * third), `${b.slice(2 * third)} tail`]);
    c.add(id('split-after-label'), [k.label, `${b} ${k.comment}`]);
    c.add(id('split-76'), [`${k.label} ${b.slice(0, 64)}`, `  ${b.slice(64)}`]);
    c.add(id('split-crlf'), [`${k.label} ${b.slice(0, 40)}\r`, `${b.slice(40)}\r`]);
    const next = all[(all.indexOf(k) + 1) % all.length]!;
    c.add(id('joined'), `${k.line}${next.line}`);
    c.add(id('joined-bare'), `${bare(k)}${next.line}`, { pub: true });
    c.add(id('joined-space'), `${bare(k)} ${next.line}`);

    // Stray =, " and ,.
    c.add(id('equals-inside'), line(insertAt(b, 1 + pick(len - 1), '=')));
    c.add(id('equals-appended'), line(`${b}=`), { pub: true });
    c.add(id('equals-appended-2'), line(`${b}==`));
    c.add(id('padding-removed'), line(b.replace(/=+$/, '')));
    c.add(id('equals-before'), `=${bare(k)}`);
    c.add(id('extra-group'), line(`${b.replace(/=+$/, '')}AAAA`));
    c.add(id('quote-first'), `"${k.line}`);
    c.add(id('quote-before-blob'), `${k.label} "${b}"`);
    c.add(id('quote-in-comment'), `${bare(k)} "unterminated comment`);
    c.add(id('comma-first'), `,${k.line}`, { pub: true });
    c.add(id('comma-space-first'), `, ${k.line}`, { pub: true });
    c.add(id('comma-after-label'), `${k.label}, ${b}`);
    c.add(id('comma-after-blob'), `${k.label} ${b},`);
  }
}

/** Lines that are no key at all, and files that must start with a BOM. */
function otherCases(c: Cases, keys: KeyMaterial): void {
  const k = keys.byName('ed25519');
  const rsa = keys.byName('rsa2048');
  c.add('other/blank-and-comments', ['', '   ', '\t', '# comment', '  # indented comment', '\t#tab comment', '#']);
  c.add('other/crlf-blank', ['\r', '  \r', '# crlf comment\r']);
  c.add('other/other-white-space', ['\v', '\v# comment', '\f', ' \v', `\v${k.line}`, `\f${k.line}`]);
  // The option counters: environment counts distinct names, permitopen and permitlisten count apart.
  const repeat = (opt: (i: number) => string, n: number): string => Array.from({ length: n }, (_, i) => opt(i)).join(',');
  c.add('other/many-environment-same', `${repeat(() => 'environment="A=1"', 1100)} ${k.line}`);
  c.add('other/environment-1025-names', `${repeat((i) => `environment="V${i}=1"`, 1025)} ${k.line}`);
  c.add('other/environment-1026-names', `${repeat((i) => `environment="V${i}=1"`, 1026)} ${k.line}`);
  c.add('other/permitopen-4097', `${repeat(() => 'permitopen="h:1"', 4097)} ${k.line}`);
  c.add('other/permitopen-4098', `${repeat(() => 'permitopen="h:1"', 4098)} ${k.line}`);
  c.add('other/permitopen-and-permitlisten-3000', `${repeat(() => 'permitopen="h:1"', 3000)},${repeat(() => 'permitlisten="1"', 3000)} ${k.line}`);
  c.add('other/lone-cr-line', ['\r\r']);
  c.add('other/words', ['hello', 'hello world', 'ssh-ed25519', 'no-pty', 'no-pty ', 'restrict,command="x"']);
  c.add('other/ssh1', '1024 65537 12345678901234567890123456789 user@host', { pub: true });
  c.add('other/ssh1-2048', `2048 ${k.line}`, { pub: true });
  c.add('other/zero-prefix', `0 ${k.line}`, { pub: true });
  // do_fingerprint's strtol: a non-zero int (low 32 bits of a clamped long) and a blank.
  for (const n of ['5', '-0', '+5', '00', '5x', '\v5', '4294967296', '4294967297', '99999999999999999999', '-99999999999999999999', '5\t']) {
    c.add(`other/number-prefix/${n}`, `${n} ${k.line}`, { pub: true });
  }
  c.add('other/double-blank-after-token', `no-pty  ${k.line}`, { pub: true });
  c.add('other/tab-blank-after-token', `no-pty\t ${k.line}`, { pub: true });
  c.add('other/token-quoted-to-end', `"no-pty ${k.line}"`, { pub: true });
  c.add('other/known-hosts-line', `host.example.com,10.0.0.1 ${k.line}`, { pub: true });
  c.add('other/known-hosts-marker', `@cert-authority *.example.com ${k.line}`, { pub: true });
  c.add('other/hashed-host', `|1|F1E1KeoE/eEWhi10WpGv4OdiO6Y=|3988QV0VE8wmZL7suNrYQLITLCg= ${k.line}`, { pub: true });
  c.add('other/nbsp-first', `\u00a0${k.line}`, { pub: true });
  c.add('other/nbsp-only', '\u00a0');
  c.add('other/zero-width-space', `\u200b${k.line}`);
  c.add('other/quoted-first-token', `"no-pty" ${k.line}`, { pub: true });
  c.add('other/quote-run', `command="a b" "c ${k.line}`, { pub: true });
  c.add('other/escaped-quote-token', `command="a\\" b" ${k.line}`, { pub: true });
  // RFC 4716, PEM and private-key text pasted in.
  const body = rsa.base64.match(/.{1,70}/g) ?? [];
  c.add('other/rfc4716', ['---- BEGIN SSH2 PUBLIC KEY ----', 'Comment: "2048-bit RSA, converted by me"', ...body, '---- END SSH2 PUBLIC KEY ----']);
  c.add('other/pem-public', ['-----BEGIN PUBLIC KEY-----', ...(k.base64.match(/.{1,64}/g) ?? []), '-----END PUBLIC KEY-----']);
  c.add('other/openssh-private', [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
    'QyNTUxOQAAACCRBHOecOr3/QvZhNBmDLTyDt6k5zFVHlQpkTXZpg+BpgAAAJgAAAAAAAAA',
    '-----END OPENSSH PRIVATE KEY-----',
  ]);
  c.add('other/putty', ['PuTTY-User-Key-File-3: ssh-ed25519', 'Encryption: none', 'Comment: x', 'Public-Lines: 2', 'AAAAC3NzaC1lZDI1NTE5AAAAIJEEc55w6vf9C9mE0GYMtPIO3qTnMVUeVCmRNdmmD4Gm', 'Private-MAC: 00']);
  // Bytes that are not UTF-8 (the linter decodes them to U+FFFD).
  const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
  c.add('other/latin1-comment', latin1(`${k.line} caf\u00e9`), { pub: true });
  c.add('other/latin1-option', latin1(`command="caf\u00e9" ${k.line}`), { pub: true });
  c.add('other/latin1-first', latin1(`\u00e9${k.line}`));
  c.add('other/latin1-in-blob', latin1(`${k.label} ${insertAt(k.base64, 20, '\u00e9')}`));
  // NUL ends OpenSSH's C strings (a file with a NUL early on is binary to the CLI; the parser must still agree).
  c.add('other/nul-first', `\0${k.line}`);
  c.add('other/nul-after-indent', ` \0${k.line}`);
  c.add('other/nul-in-comment', `${k.line} a\0b`);
  c.add('other/nul-after-blob', `${bare(k)}\0`);
  c.add('other/nul-in-blob', `${k.label} ${insertAt(k.base64, 30, '\0')}`);
  c.add('other/nul-in-options', `no-pty\0 ${k.line}`);
  c.add('other/nul-in-quoted-option', `command="a\0b" ${k.line}`);
  c.add('other/nul-after-option', `command="ab"\0 ${k.line}`);

  // The BOM only means something at the very start of a file: each case gets its own.
  c.add('bom/key', `${k.line}`, { bom: true, pub: true });
  c.add('bom/comment', ['# comment', k.line], { bom: true, pub: true });
  c.add('bom/blank-then-key', ['', k.line], { bom: true, pub: true });
  c.add('bom/options', `no-pty ${k.line}`, { bom: true, pub: true });
  c.add('bom/blank-then-key-same-line', ` ${k.line}`, { bom: true, pub: true });
  c.add('bom/number', `5 ${k.line}`, { bom: true, pub: true });
  c.add('bom/bad-options', `no-foo ${k.line}`, { bom: true, pub: true });
  c.add('bom/two-blanks', `  ${k.line}`, { bom: true, pub: true });
  c.add('bom/second-bom', `\ufeff${k.line}`, { bom: true });
  c.add('bom/crlf', [`${k.line}\r`, `${k.line}\r`], { bom: true, pub: true });
  c.add('other/garbage-then-key', ['garbage here', k.line], { pub: true });
  c.add('other/key-then-garbage', [k.line, 'garbage here'], { pub: true });
  c.add('bom/mid-file', ['# first', `\ufeff${k.line}`]);
}

/** Labels that are no key type in 9.2, or name a different one, on every key. */
const OTHER_LABELS = [
  'ssh-rsa-cert-v00@openssh.com',
  'ssh-ed448',
  'ssh-mldsa44-ed25519@openssh.com',
  'rsa-sha2-256',
  'rsa-sha2-256-cert-v01@openssh.com',
  'webauthn-sk-ecdsa-sha2-nistp256@openssh.com',
  'sk-ssh-ed25519-cert-v01@openssh.com',
  'ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'ssh-dss-cert-v01@openssh.com',
  'null',
];

function labelCases(c: Cases, keys: KeyMaterial): void {
  for (const k of keys.all) {
    for (const label of OTHER_LABELS) {
      if (label !== k.label) c.add(`label/${k.name}/${label}`, `${label} ${k.base64} relabelled`);
    }
  }
}

/** Blobs ssh-keygen never writes: odd sizes, compressed points, odd sk applications. */
function craftedCases(c: Cases): void {
  const line = (label: string, blob: Uint8Array): string => `${label} ${encodeBase64(blob)} crafted`;
  const rsa = (e: Uint8Array, n: Uint8Array): Uint8Array => w().string('ssh-rsa').mpint(e).mpint(n).bytes();
  for (const bits of [512, 1016, 1024, 1032]) c.add(`crafted/rsa${bits}`, line('ssh-rsa', rsaPair(bits).blob), { pub: true });
  const { n } = rsaPair(1024);
  c.add('crafted/rsa-e1', line('ssh-rsa', rsa(Uint8Array.of(1), n)), { pub: true });
  c.add('crafted/rsa-e-even', line('ssh-rsa', rsa(Uint8Array.of(1, 0, 0), n)), { pub: true });
  c.add('crafted/rsa-n-padded', line('ssh-rsa', w().string('ssh-rsa').mpint(Uint8Array.of(1, 0, 1)).string(Uint8Array.from([0, 0, ...n])).bytes()), { pub: true });
  const { point } = p256Pair();
  const compressed = Uint8Array.from([2 + (point[64]! & 1), ...point.subarray(1, 33)]);
  const ec = (p: Uint8Array, curve = 'nistp256'): Uint8Array => w().string(`ecdsa-sha2-${curve}`).string(curve).string(p).bytes();
  c.add('crafted/ecdsa-compressed', line('ecdsa-sha2-nistp256', ec(compressed)), { pub: true });
  c.add('crafted/ecdsa-infinity', line('ecdsa-sha2-nistp256', ec(Uint8Array.of(0))), { pub: true });
  c.add('crafted/ecdsa-short-point', line('ecdsa-sha2-nistp256', ec(point.subarray(0, 64))), { pub: true });
  c.add('crafted/ecdsa-curve-field-384', line('ecdsa-sha2-nistp256', w().string('ecdsa-sha2-nistp256').string('nistp384').string(point).bytes()));
  const { pk } = ed25519Pair();
  const ed = (key: Uint8Array): Uint8Array => w().string('ssh-ed25519').string(key).bytes();
  c.add('crafted/ed25519-31', line('ssh-ed25519', ed(pk.subarray(0, 31))), { pub: true });
  c.add('crafted/ed25519-33', line('ssh-ed25519', ed(Uint8Array.from([...pk, 0]))), { pub: true });
  c.add('crafted/ed25519-trailing-byte', line('ssh-ed25519', Uint8Array.from([...ed(pk), 0])), { pub: true });
  c.add('crafted/ed25519-zero-key', line('ssh-ed25519', ed(new Uint8Array(32))));
  for (const app of ['', 'ssh', 'http://example.com', 'ssh:\u00e9']) {
    c.add(`crafted/sk-ed25519-app=${app}`, line('sk-ssh-ed25519@openssh.com', skEd25519Blob(pk, app)), { pub: true });
    c.add(`crafted/sk-ecdsa-app=${app}`, line('sk-ecdsa-sha2-nistp256@openssh.com', skEcdsaBlob(point, app)));
  }
  const webauthnBlob = skEcdsaBlob(point, 'ssh:', 'webauthn-sk-ecdsa-sha2-nistp256@openssh.com');
  c.add('crafted/webauthn-name-in-blob', line('sk-ecdsa-sha2-nistp256@openssh.com', webauthnBlob), { pub: true });
  c.add('crafted/webauthn-name-in-blob-and-label', line('webauthn-sk-ecdsa-sha2-nistp256@openssh.com', webauthnBlob));
  // Certificates signed by security-key CAs (ssh-keygen would need the token): sshd verifies the signature on reading.
  const edKey = w().string(pk).bytes();
  const skEdCa = ed25519Pair();
  const skEcCa = p256Pair();
  const byHand = (caBlob: Uint8Array, signer: Signer): string =>
    line('ssh-ed25519-cert-v01@openssh.com', buildCert({ type: 'ssh-ed25519-cert-v01@openssh.com', keyFields: edKey, caBlob, signer, principals: principals('root') }).blob);
  c.add('crafted/cert-by-sk-ed25519-ca', byHand(skEd25519Blob(skEdCa.pk), skEd25519Signer(skEdCa.privateKey)), { pub: true });
  c.add('crafted/cert-by-sk-ecdsa-ca', byHand(skEcdsaBlob(skEcCa.point), skEcdsaSigner(skEcCa.privateKey)), { pub: true });
  c.add('crafted/cert-by-webauthn-ca', byHand(skEcdsaBlob(skEcCa.point), skEcdsaSigner(skEcCa.privateKey, { origin: 'https://example.com' })));
  const other = ed25519Pair();
  c.add('crafted/cert-signature-by-other-key', byHand(skEd25519Blob(skEdCa.pk), skEd25519Signer(other.privateKey)));
  c.add('crafted/rsa-sha2-512-name-in-blob', line('ssh-rsa', w().string('rsa-sha2-512').mpint(Uint8Array.of(1, 0, 1)).mpint(n).bytes()), { pub: true });
}

export function buildCases(keys: KeyMaterial): OracleCase[] {
  const c = new Cases();
  validCases(c, keys);
  labelCases(c, keys);
  craftedCases(c);
  optionCases(c, keys);
  mutationCases(c, keys);
  otherCases(c, keys);
  return c.list;
}

// --------------------------------------------------------------------- batches

export interface Batch {
  cases: OracleCase[];
  /** Index into `lines` of each case's first line. */
  firstLine: number[];
  lines: Line[];
  bom: boolean;
}

/** Packs cases into files of at most `maxLines` lines; BOM cases get files of their own. */
export function packBatches(cases: readonly OracleCase[], maxLines: number): Batch[] {
  const batches: Batch[] = [];
  let current: Batch | undefined;
  for (const kase of cases) {
    if (kase.bom) {
      batches.push({ cases: [kase], firstLine: [0], lines: [...kase.lines], bom: true });
      continue;
    }
    if (!current || current.lines.length + kase.lines.length > maxLines) {
      current = { cases: [], firstLine: [], lines: [], bom: false };
      batches.push(current);
    }
    current.cases.push(kase);
    current.firstLine.push(current.lines.length);
    current.lines.push(...kase.lines);
  }
  return batches;
}

/** The file's bytes: lines joined by \n, a final \n, a BOM first when asked. */
export function fileBytes(lines: readonly Line[], bom: boolean): Uint8Array {
  const parts: Buffer[] = bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
  for (const line of lines) {
    const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : Buffer.from(line);
    if (bytes.includes(0x0a)) throw new Error(`a case line must not contain \\n: ${JSON.stringify(String(line))}`);
    parts.push(bytes, Buffer.from('\n'));
  }
  return new Uint8Array(Buffer.concat(parts));
}
