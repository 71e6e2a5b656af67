/**
 * Mutation oracle for the config validator: for every keyword the local OpenSSH 9.2p1
 * (Debian build) knows, a valid line (the table's sample) and many mutations of it go
 * through `sshd -t` / `ssh -G`, and sshlint's verdict — problem or none, fatal or counted,
 * on which line — must agree with the binary's, case by case.
 *
 * Batching: cases that cannot disturb each other share a file; OpenSSH names the line of
 * every complaint. A fatal one stops the run, so that line is recorded, commented out and
 * the file run again. A fatal without a line (post-parse checks) makes the batch fall back
 * to one file per case. Cases whose meaning depends on other lines (Match/Host blocks,
 * IgnoreUnknown, algorithm lists that are assembled after parsing, AuthenticationMethods,
 * Subsystem) always run alone.
 *
 * SSHLINT_ORACLE_REPORT=1 prints every disagreement and a count per grammar kind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import { DEBIAN_BUILD, type Release } from '../../src/openssh/releases.js';
import { sshdKeywordsAt } from '../../src/openssh/sshd-keywords.js';
import { sshKeywordsAt } from '../../src/openssh/ssh-keywords.js';
import type { ResolvedKeywordFacts, ValueGrammar } from '../../src/openssh/value-grammar.js';
import { buildConfigTree } from '../../src/parse/config/config-tree.js';
import { parseConfigFile } from '../../src/parse/config/parse-config-file.js';
import { validateConfigTree } from '../../src/parse/config/validate-file.js';
import { cleanupConfigOracle, hasOpenSSH, requireOpenSSH, sshConfigCheck, sshdCheck } from './config-oracle.js';

const RELEASE: Release = '9.2';
const BUILD = DEBIAN_BUILD;
const available = hasOpenSSH();
const REPORT = process.env.SSHLINT_ORACLE_REPORT === '1';
/** SSHLINT_ORACLE_SAMPLE=0.01 prints about 1% of the cases with both verdicts. */
const SAMPLE = Number(process.env.SSHLINT_ORACLE_SAMPLE ?? 0);

type Program = 'sshd' | 'ssh';

interface Case {
  program: Program;
  /** Grammar kind (or a pseudo-kind such as 'keyword', 'match') for the report. */
  kind: string;
  line: string;
  /** Lines before the case line (a Match/Host block header, settings it depends on). */
  prefix?: string[];
  /** Run in a file of its own. */
  solo?: boolean;
}

interface Outcome {
  problem: boolean;
  fatal: boolean;
  messages: string[];
}

// ================================================================ mutations

const INT_CASES = ['0', '7', '007', '-1', '+5', '" 5"', '2147483647', '2147483648', '99999999999999999999', '1x', '0x10', 'abc', '""', '5 6'];
const TIME_CASES = ['30', '1h30m', '90S', '2min', '1w2d', '-5', '5x', '2147483647', '2147483648', '4000w', '1.5', '""', 'none', 'None', '"1 h"', '1h 2m', '+5', '0', '1m1m'];

function grammarValues(g: ValueGrammar, k: ResolvedKeywordFacts): string[] {
  const sample = k.sample;
  switch (g.kind) {
    case 'flag':
      return ['yes', 'no', 'YES', 'No', 'true', 'false', 'TRUE', 'on', '1', '""', 'yes no', "'yes'"];
    case 'choice':
      return [...g.values, ...g.values.map((v) => v.toUpperCase()), 'bogus', '""', `${g.values[0]} ${g.values[0]}`];
    case 'integer':
      return [...INT_CASES, ...(g.noneKeyword ? [g.noneKeyword, g.noneKeyword.toUpperCase()] : [])];
    case 'time':
      return TIME_CASES;
    case 'algorithms': {
      if (g.list === 'gss-kex') return [sample, 'gss-group14-sha256-', 'gss-bogus-', 'bogus', '+gss-group14-sha256-', '""', 'gss-curve25519-sha256-,gss-nistp256-sha256-'];
      const names = sample.split(',');
      const first = names[0]!;
      const extra: string[] = [];
      if (g.list === 'cipher') extra.push('aes*', 'none', 'AES128-CTR', 'aes128-cbc', '3des-cbc', 'arcfour', 'chacha20-poly1305@openssh.com');
      if (g.list === 'mac') extra.push('hmac-sha2-*', 'hmac-md5', 'umac-128-etm@openssh.com', 'HMAC-SHA2-256');
      if (g.list === 'kex') extra.push('curve25519*', 'diffie-hellman-group1-sha1', 'sntrup761x25519-sha512@openssh.com', 'mlkem768x25519-sha256');
      if (g.list === 'key' || g.list === 'sig') {
        extra.push('ssh-ed25519*', '*', 'ssh-rsa', 'ssh-dss', 'RSA', 'ed25519', '*-cert-v01@openssh.com', 'ssh-ed25519-cert-v01@openssh.com', 'sk-*', 'x*', '!ssh-rsa', 'ssh-*,!ssh-dss');
      }
      return [
        sample,
        `+${first}`,
        `-${first}`,
        `^${first}`,
        '-bogus',
        '-*',
        'bogus',
        '+bogus',
        '^bogus',
        `${first},bogus`,
        `${first},,bogus`,
        `${first},`,
        `,${first}`,
        ',',
        `${first}, ${names[1] ?? first}`,
        `"${first} ${first}"`,
        `!${first}`,
        `+${first},!${first}`,
        '""',
        ...extra,
      ];
    }
    case 'words':
      return ['a', 'a b', 'none', 'NONE', 'none a', 'a none', '""', 'a ""', 'kex.c:*:*'];
    case 'path':
    case 'string':
      return ['x', '/tmp/x', '""', 'a b', 'none', '"a b"', '~/x', '%h'];
    case 'rest-of-line':
      return g.absolutePathOrNone
        ? ['/bin/true', '/bin/true %u %f', 'none', 'NONE', 'relative', '"/bin/true"', '/bin/true # c', 'none # c', '""', "'/bin/true'", '=/bin/true']
        : ['/bin/true', 'a b c', '"a b"', '#c', 'x # c', '""', "'", '"'];
    case 'ignored':
      return ['yes', 'a b c', '""'];
    case 'port':
      return ['22', '0', '65535', '65536', 'ssh', 'SSH', 'http', '-1', '22x', '""', '" 22"', '+22', '022'];
    case 'log-level':
      return ['QUIET', 'verbose', 'Debug3', 'DEBUG4', 'bogus', '""', 'INFO INFO'];
    case 'syslog-facility':
      return ['AUTH', 'local7', 'AuthPriv', 'LOCAL8', 'kern', '""'];
    case 'rekey-limit':
      return ['default', '1G', '1G 1h', '1G none', '15', '16', '0', '1.5G', '1X', '1K!', '-5', '-0', '1G 1x', 'default none', '1G 1h x', '1g', '100B', '99999999999999999999', '10E', '"1G"', '1G None', '1G ""', '+16', ' 16', '1KB', '1k', '1.5'];
    case 'ipqos':
      return ['af21', 'AF21', '0x10', '10', '256', '-1', 'af21 cs1', 'af21 bogus', '""', 'none', 'lowdelay', 'le', 'ef', '010', '255', '" 10"', 'cs0 cs1 cs2'];
    case 'channel-timeout':
      return ['session=5m', 'session=5m x11=1h', 'none', 'NONE', 'none session=1', 'session=1 none', '=5m', 'session', 'session=', 'session=abc', '*=10', 'a=b=c', 'global=0', '""'];
    case 'version-addendum':
      return ['sshlint', 'a b', 'none', '"a b"', '#c', 'x # y'];
    case 'include':
      return ['/nonexistent/sshlint/*.conf', '""', '/nonexistent/a /nonexistent/b', 'relative-sshlint-nonexistent'];
    case 'listen-address':
      return ['127.0.0.1', '127.0.0.1:2222', '[::1]:22', '::1', '[::1', '127.0.0.1:0', '127.0.0.1:ssh', '127.0.0.1:', '127.0.0.1 rdomain 1', '127.0.0.1 foo', '127.0.0.1/24', '127.0.0.1 rdomain', '[127.0.0.1]:22', '[::1]x', '127.0.0.1:65536', '""', 'localhost:22'];
    case 'max-startups':
      return ['10:30:100', '10', '0', '-1', '10:0:100', '10:101:100', '100:30:10', '10:30', 'x', '10:30:100x', '""', '0:30:100', '10:30:0', ' 10', '10:30:100:5', '+10'];
    case 'per-source-net-block-size':
      return ['32:128', '24', '33', '24:129', '-1', 'x', '24:x', '24:64x', '0', '0:0', '""', '24:', ':24'];
    case 'per-source-penalties':
    case 'address-list':
      return [sample];
    case 'user-patterns':
      return ['alice', 'alice@192.0.2.0/24', 'alice@192.0.2.1/24', 'alice@192.0.2.0/33', 'alice@', 'a,b', '""', 'alice@host.example', 'alice@!10.0.0.0/8', 'alice@10.0.0.0/8,', '*@*', 'a b', 'a@b@c', 'alice@::1/129', 'alice@10.0.0.0/8,,x'];
    case 'group-patterns':
      return ['staff', '""', 'a b', 'a,b', '!x', 'a ""'];
    case 'env-names':
      return ['LANG', 'LC_*', 'A=B', '""', '-LANG', 'A B', 'A "" B', '=', '*'];
    case 'env-assignments':
      return ['A=B', 'A', '""', '=B', 'A=', 'A=B C=D', 'A=B C', '"A=b c"', 'A=B A=C'];
    case 'path-list':
      return ['.ssh/a', 'a b', '""', 'none', 'none x', 'x none', '%h/.ssh/k', 'a ""'];
    case 'permit-open':
    case 'permit-listen':
      return [
        'any', 'none', 'ANY', 'any x:1', 'none any', 'localhost:80', 'localhost', '80', '*:80', '[::1]:80', 'localhost:0', 'localhost:*',
        'localhost:ssh', 'a:1 "" b:2', 'a:1 ""', ':80', 'host/80', '*:*', 'a:1 b:2', '[::1]', 'localhost:65536', '""', 'x:1 any',
      ];
    case 'authentication-methods':
      return [];
    case 'subsystem':
      return [];
    case 'permit-user-environment':
      return ['yes', 'no', 'YES', 'LANG,LC_*', '""', 'a b', 'true'];
    case 'pubkey-auth-options':
      return ['none', 'touch-required', 'verify-required', 'TOUCH-REQUIRED', 'bogus', 'none touch-required', '""', 'touch-required bogus'];
    case 'octal-mask':
      return ['0077', '077', '777', '0777', '1000', '8', '-1', '7x', '0x1', '""', '-0', ' 7', '+7', '0778'];
    case 'rdomain':
      return ['none', '%D', '1', 'x', '""'];
    case 'forward-local':
    case 'forward-remote':
      return [
        '8080 localhost:80', '8080', 'localhost:8080 localhost:80', '[::1]:8080 [::1]:80', '/tmp/sock /tmp/sock2', '0 localhost:80',
        '8080 localhost:0', '8080 localhost', '8080 localhost:80 extra', 'a:b:c d:e:f', '8080 /tmp/sock', '/tmp/sock localhost:80',
        '8080 [::1]:80', '*:8080 localhost:80', '8080 localhost:ssh', '8080 localhost:http', '""', '8080 ""', 'localhost:0 localhost:80',
        '8080 localhost:80:90', '[::1 localhost:80', '8080 a\\:b:80', '${HOME}/s localhost:80', '${ localhost:80', '8080 ${}:80',
        'x:8080 localhost:80', '70000 localhost:80', '8080 localhost:70000',
      ];
    case 'forward-dynamic':
      return ['1080', 'localhost:1080', '0', 'a:b:c', '[::1]:1080', '/tmp/sock', '*:1080', '""', '1080 x', 'localhost:', '70000', 'ssh'];
    case 'escape-char':
      return ['~', 'none', '^A', '^', '^^', 'ab', '""', '^a', 'é', 'NONE', '^~', '^?', '^@', '^ä'];
    case 'control-persist':
      return ['yes', 'no', 'YES', 'True', '10m', '0', '-1', 'bogus', '""', '1h 2m'];
    case 'tunnel-device':
      return ['any:any', '0:1', 'any', 'ANY', '1:x', 'x:1', '-1', '2147483645', '2147483646', '1:', ':1', '""', '1:2:3'];
    case 'add-keys-to-agent':
      return ['yes', 'no', 'ask', 'confirm', 'CONFIRM', 'confirm 5m', 'confirm bogus', 'yes 5m', '5m', 'bogus', 'confirm 5m extra', '""', 'true', '0', '-1', 'confirm ""', 'confirm 0'];
    case 'agent-socket':
      return ['SSH_AUTH_SOCK', 'none', '/tmp/x', '$SSH_AUTH_SOCK', '${HOME}/x', '${', '${}', '$1x', '$', '$A-B', '~/x', '""', 'a b'];
    case 'forward-agent':
      return ['yes', 'no', 'True', '/tmp/sock', '$SSH_AUTH_SOCK', '${HOME}/s', '${', '$A-B', '""', 'yes no'];
    case 'proxy-jump':
      return [
        'host', 'user@host:22', 'a,b', 'ssh://user@host:22', 'ssh://host/path', 'none', 'NONE', 'host:0', '@host', 'host1 host2', '[::1]:22',
        'ssh://@host', 'ssh://host:x', 'a,,b', ',a', 'a,', 'host # c', 'u@h@x', 'ssh://-bad', 'ssh://a%zz@host', 'host:ssh', '""', 'h:70000',
      ];
    case 'canonical-domains':
      return ['example.com', 'a.com b.com', 'none', 'none a.com', 'a.com none', '-bad.com', 'a..b', 'a_b.com', '""', 'a.com.', 'UPPER.com', '1.2', 'a/b'];
    case 'permitted-cnames':
      return ['*.a:*.b', '*', 'none', 'a', 'a:', ':b', 'none a:b', 'a:b c:d', '""', 'A:B', '*:*'];
    case 'known-hosts-files':
      return ['~/.ssh/kh', 'a b', 'none', 'none a', 'a none', '""', 'NONE'];
    case 'obscure-keystroke-timing':
      return [sample];
    case 'host-patterns':
    case 'match':
      return [];
  }
  return [sample];
}

/** Lines for keywords that only make sense (or only are safe) in a file of their own. */
const SOLO_KINDS = new Set(['authentication-methods', 'subsystem', 'algorithms', 'match', 'host-patterns', 'include']);

function keywordCases(program: Program, k: ResolvedKeywordFacts): Case[] {
  const g = k.grammar;
  const name = k.name;
  const kind = k.status === 'active' || k.status === 'rejected' ? g.kind : k.status;
  const solo = SOLO_KINDS.has(g.kind) || name === 'IgnoreUnknown';
  const out: Case[] = [];
  const add = (line: string, extra: Partial<Case> = {}): void => {
    out.push({ program, kind, line, ...(solo ? { solo: true } : {}), ...extra });
  };
  if (g.kind === 'match' || g.kind === 'host-patterns') return out; // see blockCases
  const sample = k.sample;
  // Generic mutations of the keyword and the separator.
  add(`${name} ${sample}`);
  add(name);
  add(`${name} #c`);
  add(`${name} ${sample} extra`);
  add(`${name.toUpperCase()} ${sample}`);
  add(`${name.toLowerCase()}=${sample}`);
  add(`${name} = ${sample}`);
  add(`${name}==${sample}`);
  add(`${name} "${sample}"`);
  add(`${name} '${sample}'`);
  add(`${name} ""`);
  add(`${name}x ${sample}`, { kind: 'keyword' });
  add(`${name.slice(0, -1)} ${sample}`, { kind: 'keyword' });
  add(`  ${name}\t${sample}  `);
  add(`${name} "${sample}`);
  if (k.status !== 'active') return out;
  for (const value of grammarValues(g, k)) add(`${name} ${value}`);
  return out;
}

function inBlockCases(program: Program, k: ResolvedKeywordFacts): Case[] {
  if (k.grammar.kind === 'match' || k.grammar.kind === 'host-patterns') return [];
  const prefixes = program === 'sshd' ? [['Match User sshlint-nobody'], ['Match all']] : [['Host sshlint-other'], ['Match host *']];
  const out: Case[] = [];
  const values = [k.sample, ...grammarValues(k.grammar, k).slice(0, 4)];
  for (const prefix of prefixes) {
    for (const value of values) {
      out.push({ program, kind: `in-block:${k.grammar.kind}`, line: `${k.name} ${value}`, prefix, solo: SOLO_KINDS.has(k.grammar.kind) });
    }
    out.push({ program, kind: 'in-block:keyword', line: `${k.name}x ${k.sample}`, prefix });
  }
  return out;
}

/** Match / Host lines, AuthenticationMethods, Subsystem and other cross-line cases (all solo). */
function blockCases(program: Program): Case[] {
  const out: Case[] = [];
  const add = (kind: string, line: string, prefix?: string[]): void => {
    out.push({ program, kind, line, solo: true, ...(prefix ? { prefix } : {}) });
  };
  if (program === 'sshd') {
    for (const m of [
      'all', 'ALL', 'All # c', 'all x', 'User a all', 'all User a', 'User alice', 'User', 'User ""', 'user=alice', 'User=alice', 'User alice Group staff',
      'Group staff', 'Host *.example.com', 'Address 192.0.2.0/24', 'Address 192.0.2.1/24', 'Address 192.0.2.0/33', 'Address 10.0.0.0/8,', 'Address ,10.0.0.0/8',
      'Address !192.0.2.0/24', 'Address 192.0.2.*', 'Address fe80::/10', 'Address ::1/129', 'LocalAddress 10.0.0.0/8', 'LocalAddress 10.0.0.1/8',
      'LocalPort 22', 'LocalPort 0', 'LocalPort ssh', 'LocalPort x', 'LocalPort 65536', 'LocalPort -1', 'RDomain 1', 'Invalid-User', 'Version OpenSSH*',
      'Bogus x', '#c', 'User alice # c', 'User alice #c', 'User #c', 'User "alice bob"', 'User alice "" x', 'User "alice', 'User a,b,c', 'User a extra',
      'User a Address', 'user A host B', 'USER a', 'User==a', 'User=a', 'User =a', 'User= a', 'all #', 'all ""', '"User" a',
    ]) {
      add('match', `Match ${m}`);
    }
    add('match', 'Match');
    // Match all reactivates the global scope: global-only keywords are allowed after it.
    add('match', 'Port 2222', ['Match User x', 'Match all']);
    add('match', 'Port 2222', ['Match User x', 'Match Address 10.0.0.0/8']);
    add('match', 'Port 2222', ['Match all', 'Match User x']);
    for (const m of ['publickey', 'any', 'any publickey', 'publickey any', 'publickey,password', 'publickey,bogus', 'keyboard-interactive:pam', 'none',
      'password:x', '""', 'gssapi-with-mic', 'gssapi-keyex', 'hostbased', 'publickey hostbased', 'publickey,hostbased', 'bogus', 'publickey ""',
      'publickey,', ',publickey', 'publickey,,password', 'PUBLICKEY', 'any any', 'publickey password,keyboard-interactive']) {
      add('authentication-methods', `AuthenticationMethods ${m}`);
      add('authentication-methods', `AuthenticationMethods ${m}`, ['Match User x']);
    }
    add('authentication-methods', 'AuthenticationMethods publickey', ['PubkeyAuthentication no']);
    add('authentication-methods', 'AuthenticationMethods publickey password', ['PubkeyAuthentication no']);
    add('authentication-methods', 'AuthenticationMethods publickey,password', ['PasswordAuthentication no']);
    add('authentication-methods', 'AuthenticationMethods hostbased', ['HostbasedAuthentication yes']);
    add('authentication-methods', 'AuthenticationMethods gssapi-with-mic', ['GSSAPIAuthentication yes']);
    add('authentication-methods', 'AuthenticationMethods keyboard-interactive', ['KbdInteractiveAuthentication no']);
    add('authentication-methods', 'AuthenticationMethods keyboard-interactive', ['ChallengeResponseAuthentication no']);
    add('authentication-methods', 'AuthenticationMethods any', ['AuthenticationMethods publickey']);
    add('authentication-methods', 'AuthenticationMethods any', ['Match User x', 'AuthenticationMethods publickey']);
    add('authentication-methods', 'AuthenticationMethods password', ['AuthenticationMethods any']);
    add('authentication-methods', 'AuthenticationMethods hostbased', ['AuthenticationMethods publickey']);
    add('authentication-methods', 'AuthenticationMethods publickey', ['Match all', 'PubkeyAuthentication no']);
    add('authentication-methods', 'AuthenticationMethods publickey', ['Match User x', 'PubkeyAuthentication no']);
    for (const s of ['sftp /usr/lib/openssh/sftp-server', 'sftp', 'sftp ""', '"" /bin/x', 'sftp internal-sftp -l INFO', 'sftp /bin/x # c']) {
      add('subsystem', `Subsystem ${s}`);
    }
    add('subsystem', 'Subsystem sftp /bin/y', ['Subsystem sftp /bin/x']);
    add('subsystem', 'Subsystem other /bin/y', ['Subsystem sftp /bin/x']);
    add('subsystem', 'Subsystem sftp /bin/x', ['Match User x']);
    for (const [kw, value] of [
      ['Ciphers', '-*'], ['Ciphers', '-aes*,chacha*'], ['MACs', '-*'], ['KexAlgorithms', '-*'], ['HostKeyAlgorithms', '!ssh-rsa'], ['HostKeyAlgorithms', 'ssh-*,!ssh-rsa'],
      ['PubkeyAcceptedAlgorithms', 'x*'], ['PubkeyAcceptedAlgorithms', '-*'], ['CASignatureAlgorithms', '!ssh-ed25519'], ['HostbasedAcceptedAlgorithms', '^!x'],
    ] as const) {
      add('algorithms', `${kw} ${value}`);
      add('algorithms', `${kw} ${value}`, [`${kw} ${kw === 'Ciphers' ? 'aes128-ctr' : kw === 'MACs' ? 'hmac-sha2-256' : kw === 'KexAlgorithms' ? 'curve25519-sha256' : 'ssh-ed25519'}`]);
    }
    add('algorithms', 'PubkeyAcceptedAlgorithms !ssh-rsa', ['Match User x']);
  } else {
    for (const m of [
      'all', '!all', 'ALL', 'all x', 'host a all', 'host a user b all', 'all host a', 'canonical', 'final', '!final', 'canonical all', 'host *.example.com',
      'Host', 'host ""', 'host=a', 'originalhost a', 'user alice', 'localuser root', 'exec true', 'exec "%h %p"', 'exec %z', 'exec %', 'exec %%',
      'localnetwork 10.0.0.0/8', 'tagged x', 'command x', 'version OpenSSH*', 'sessiontype shell', 'bogus x', '#c', 'host a # c', '!host a', 'host a,b,!c',
      'host "a b"', 'host a "" x', 'host a extra', 'host a exec', 'host==a', 'host =a', '"host" a', 'all #', 'all ""', '!canonical host x',
    ]) {
      add('match', `Match ${m}`);
    }
    add('match', 'Match');
    for (const h of ['*', 'a b', '!a *', '""', 'a ""', 'a,b', '#c', 'a # c', "'a'", 'x', '*.example.com !foo.example.com']) add('host', `Host ${h}`);
    add('host', 'Host');
    add('ignore-unknown', 'Bogus yes', ['IgnoreUnknown bogus']);
    add('ignore-unknown', 'Bogus yes', ['IgnoreUnknown BOGUS']);
    add('ignore-unknown', 'Bogus yes', ['IgnoreUnknown bog*']);
    add('ignore-unknown', 'Bogus yes', ['IgnoreUnknown other,bogus']);
    add('ignore-unknown', 'Bogus yes', ['IgnoreUnknown !bogus,*']);
    add('ignore-unknown', 'Bogus yes', ['IgnoreUnknown other']);
    add('ignore-unknown', 'Bogus yes', ['Host *', 'IgnoreUnknown bogus', 'Host *']);
    add('ignore-unknown', 'Bogus yes', ['IgnoreUnknown other', 'IgnoreUnknown bogus']);
    const many = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`).join(' ');
    for (const kw of ['GlobalKnownHostsFile', 'UserKnownHostsFile']) {
      add('known-hosts-files', `${kw} ${many(32)}`);
      add('known-hosts-files', `${kw} ${many(33)}`);
      add('known-hosts-files', `${kw} ${many(33)}`, [`${kw} a`]);
      add('known-hosts-files', `${kw} ${many(33)}`, ['Host other', `${kw} a`]);
    }
    for (const [kw, value] of [
      ['Ciphers', '-*'], ['MACs', '-*'], ['KexAlgorithms', '-*'], ['HostKeyAlgorithms', '!ssh-rsa'], ['PubkeyAcceptedAlgorithms', 'x*'], ['CASignatureAlgorithms', '!ssh-ed25519'],
    ] as const) {
      add('algorithms', `${kw} ${value}`);
    }
  }
  return out;
}

function allCases(): Case[] {
  const cases: Case[] = [];
  for (const k of sshdKeywordsAt(RELEASE, BUILD)) {
    cases.push(...keywordCases('sshd', k), ...inBlockCases('sshd', k));
  }
  for (const k of sshKeywordsAt(RELEASE, BUILD)) {
    cases.push(...keywordCases('ssh', k), ...inBlockCases('ssh', k));
  }
  cases.push(...blockCases('sshd'), ...blockCases('ssh'));
  for (const program of ['sshd', 'ssh'] as const) {
    for (const bogus of ['NoSuchKeyword yes', 'PermitRootLogn no', 'PasswordAuthentications no', 'Ciphers\u00a0aes128-ctr', 'X yes']) {
      cases.push({ program, kind: 'keyword', line: bogus });
    }
  }
  return cases;
}

// =================================================================== runner

/** Runs `lines` after `prefix` (one file), returning OpenSSH's outcome for each of `lines`. */
async function runOpenSSH(program: Program, prefix: string[], lines: string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = lines.map(() => ({ problem: false, fatal: false, messages: [] }));
  const current = [...prefix, ...lines];
  const offset = prefix.length;
  const file = program === 'sshd' ? 'sshd_config' : 'ssh_config';
  for (let round = 0; round <= lines.length; round++) {
    const text = `${current.join('\n')}\n`;
    const r = program === 'sshd' ? await sshdCheck({ [file]: text }) : await sshConfigCheck({ [file]: text }, 'example.com', { exec: 'succeed' });
    let fatalLine: number | undefined;
    let unlocatedFatal = false;
    for (const m of r.errors) {
      if (m.line === 0 || (m.file !== file && m.file !== '')) {
        if (m.fatal) unlocatedFatal = true;
        continue;
      }
      const index = m.line - 1 - offset;
      const o = outcomes[index];
      if (index < 0 || !o) {
        // A complaint about the prefix: the case setup is wrong.
        throw new Error(`${program}: prefix line ${m.line} rejected: ${m.message}\n${text}`);
      }
      o.problem = true;
      o.messages.push(m.message);
      if (m.fatal) {
        o.fatal = true;
        fatalLine = index;
      }
    }
    if (unlocatedFatal) {
      if (lines.length === 1) {
        outcomes[0]!.problem = true;
        outcomes[0]!.fatal = true;
        outcomes[0]!.messages.push(r.errors.find((m) => m.fatal)?.message ?? '');
        return outcomes;
      }
      // Post-parse fatal: attribute by running the lines not yet decided one by one.
      const pending = lines.map((l, i) => ({ l, i })).filter(({ i }) => current[offset + i]!.startsWith('#sshlint-removed') === false);
      const solo = await Promise.all(pending.map(({ l }) => runOpenSSH(program, prefix, [l])));
      pending.forEach(({ i }, j) => (outcomes[i] = solo[j]![0]!));
      return outcomes;
    }
    if (fatalLine === undefined) {
      if (!r.ok && r.errors.every((m) => m.line === 0)) throw new Error(`${program}: failed without a located message:\n${r.raw}\n${text}`);
      return outcomes;
    }
    current[offset + fatalLine] = '#sshlint-removed';
  }
  return outcomes;
}

interface Verdict {
  problem: boolean;
  fatal: boolean;
  message?: string;
}

async function runSshlint(program: Program, prefix: string[], lines: string[]): Promise<Verdict[]> {
  const kind = program === 'sshd' ? 'sshd_config' : 'ssh_config';
  const text = `${[...prefix, ...lines].join('\n')}\n`;
  const model = parseConfigFile(createSourceFile(kind, text), kind);
  const tree = await buildConfigTree(model, { expand: async () => ({ files: [] }), load: async () => undefined });
  const verdicts = validateConfigTree(tree, { program, release: RELEASE, build: BUILD });
  return lines.map((_, i) => {
    const line = model.lines[prefix.length + i];
    if (!line || line.status === 'ignored') return { problem: false, fatal: false };
    if (line.status === 'rejected') return { problem: true, fatal: false, message: line.problem };
    const p = verdicts.get(line.directive)?.problem;
    return p ? { problem: true, fatal: p.severity === 'fatal', message: p.message } : { problem: false, fatal: false };
  });
}

/** Cases where sshlint deliberately differs from the local binaries (none so far). */
const EXCEPTIONS = new Map<string, string>([]);

interface Disagreement {
  c: Case;
  openssh: Outcome;
  sshlint: Verdict;
}

async function evaluate(cases: Case[]): Promise<{ checked: number; disagreements: Disagreement[]; stats: Record<'ok' | 'error' | 'fatal', number> }> {
  // Group: solo cases alone; the rest by program and prefix, at most 120 lines a file.
  const groups: { program: Program; prefix: string[]; cases: Case[] }[] = [];
  const byKey = new Map<string, { program: Program; prefix: string[]; cases: Case[] }>();
  for (const c of cases) {
    if (c.solo) {
      groups.push({ program: c.program, prefix: c.prefix ?? [], cases: [c] });
      continue;
    }
    const key = `${c.program}\n${(c.prefix ?? []).join('\n')}`;
    let g = byKey.get(key);
    if (!g || g.cases.length >= 120) {
      g = { program: c.program, prefix: c.prefix ?? [], cases: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.cases.push(c);
  }
  const disagreements: Disagreement[] = [];
  const stats = { ok: 0, error: 0, fatal: 0 };
  await Promise.all(
    groups.map(async (g) => {
      const lines = g.cases.map((c) => c.line);
      const [openssh, sshlint] = await Promise.all([runOpenSSH(g.program, g.prefix, lines), runSshlint(g.program, g.prefix, lines)]);
      g.cases.forEach((c, i) => {
        const o = openssh[i]!;
        const s = sshlint[i]!;
        stats[o.problem ? (o.fatal ? 'fatal' : 'error') : 'ok']++;
        if (SAMPLE > 0 && Math.random() < SAMPLE) console.log(`sample ${c.program} ${JSON.stringify(c.prefix ?? [])} ${JSON.stringify(c.line)}: openssh ${JSON.stringify(o)} sshlint ${JSON.stringify(s)}`);
        if (o.problem === s.problem && (!o.problem || o.fatal === s.fatal)) return;
        if (EXCEPTIONS.has(`${c.program}: ${c.line}`)) return;
        disagreements.push({ c, openssh: o, sshlint: s });
      });
    }),
  );
  return { checked: cases.length, disagreements, stats };
}

function report(disagreements: Disagreement[]): string {
  const byKind = new Map<string, number>();
  for (const d of disagreements) byKind.set(`${d.c.program}/${d.c.kind}`, (byKind.get(`${d.c.program}/${d.c.kind}`) ?? 0) + 1);
  const lines = disagreements.map(
    (d) =>
      `${d.c.program} [${d.c.kind}] ${d.c.prefix ? `${d.c.prefix.join(' / ')} / ` : ''}${JSON.stringify(d.c.line)}: openssh ${d.openssh.problem ? (d.openssh.fatal ? 'FATAL' : 'error') : 'ok'} ${JSON.stringify(d.openssh.messages)}; sshlint ${d.sshlint.problem ? (d.sshlint.fatal ? 'FATAL' : 'error') : 'ok'} ${d.sshlint.message ?? ''}`,
  );
  return [...lines, '', ...[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`)].join('\n');
}

// ============================================================ several files

interface FileCase {
  program: Program;
  /** The first file is the main one; `{{dir}}/NAME` includes another. */
  files: Record<string, string>;
}

/** Include, Match and IgnoreUnknown state across files. */
const FILE_CASES: FileCase[] = [
  { program: 'sshd', files: { sshd_config: 'Match User x\nInclude {{dir}}/a.conf\n', 'a.conf': 'Port 22\n' } },
  { program: 'sshd', files: { sshd_config: 'Match User x\nInclude {{dir}}/a.conf\n', 'a.conf': 'Match all\nPort 22\n' } },
  { program: 'sshd', files: { sshd_config: 'Match all\nInclude {{dir}}/a.conf\n', 'a.conf': 'Port 22\n' } },
  { program: 'sshd', files: { sshd_config: 'Include {{dir}}/a.conf\nPort 22\n', 'a.conf': 'Match User x\nPasswordAuthentication no\n' } },
  { program: 'sshd', files: { sshd_config: 'Include {{dir}}/a.conf\n', 'a.conf': 'Match User x\nPort 22\n' } },
  { program: 'sshd', files: { sshd_config: 'Include {{dir}}/a.conf\nPort 22\n', 'a.conf': 'Bogus 1\n' } },
  { program: 'sshd', files: { sshd_config: 'Include {{dir}}/a.conf\n', 'a.conf': 'Include {{dir}}/b.conf\n', 'b.conf': 'Match User x\nInclude {{dir}}/c.conf\n', 'c.conf': 'Match all\nUseDNS no\n' } },
  { program: 'sshd', files: { sshd_config: 'Include {{dir}}/a.conf\nAuthenticationMethods publickey\n', 'a.conf': 'PubkeyAuthentication no\n' } },
  { program: 'sshd', files: { sshd_config: 'Include {{dir}}/a.conf\nSubsystem sftp /bin/y\n', 'a.conf': 'Subsystem sftp /bin/x\n' } },
  { program: 'sshd', files: { sshd_config: 'Match User x\nInclude {{dir}}/a.conf\n', 'a.conf': 'Bogus 1\n' } },
  { program: 'ssh', files: { ssh_config: 'Include {{dir}}/a.conf\nFoo 1\n', 'a.conf': 'IgnoreUnknown foo\n' } },
  { program: 'ssh', files: { ssh_config: 'Include {{dir}}/a.conf\nFoo 1\n', 'a.conf': 'Host other\nIgnoreUnknown foo\n' } },
  { program: 'ssh', files: { ssh_config: 'Host other\nIgnoreUnknown foo\nFoo 1\n' } },
  { program: 'ssh', files: { ssh_config: 'Host example.com\nIgnoreUnknown bar\nHost *\nIgnoreUnknown foo\nFoo 1\n' } },
  { program: 'ssh', files: { ssh_config: 'Host other\nInclude {{dir}}/a.conf\n', 'a.conf': 'Bogus 1\n' } },
  { program: 'ssh', files: { ssh_config: 'Include {{dir}}/a.conf\nPort 0\n', 'a.conf': 'Host *\nPort 22\n' } },
];

/** Every problem line, as "file:line:fatal|error", in OpenSSH's view and in sshlint's. */
async function fileCaseLines(c: FileCase): Promise<{ openssh: string[]; sshlint: string[] }> {
  const main = Object.keys(c.files)[0]!;
  const r = c.program === 'sshd' ? await sshdCheck(c.files, { main }) : await sshConfigCheck(c.files, 'example.com', { main });
  // One entry per line, fatal winning; a fatal without a line is a post-parse check.
  const strongest = (list: string[]): string[] => {
    const byLine = new Map<string, string>();
    for (const x of list) {
      const at = x.slice(0, x.lastIndexOf(':'));
      if (!byLine.has(at) || x.endsWith(':fatal')) byLine.set(at, x);
    }
    return [...byLine.values()].sort();
  };
  let openssh = strongest(r.errors.filter((m) => m.line !== 0 || m.fatal).map((m) => `${m.file}:${m.line}:${m.fatal ? 'fatal' : 'error'}`));
  const kind = c.program === 'sshd' ? 'sshd_config' : 'ssh_config';
  const models = new Map(Object.entries(c.files).map(([name, text]) => [name, parseConfigFile(createSourceFile(name, text), kind)]));
  const tree = await buildConfigTree(models.get(main)!, {
    expand: async (pattern) => ({ files: models.has(pattern.replace('{{dir}}/', '')) ? [pattern.replace('{{dir}}/', '')] : [] }),
    load: async (path) => models.get(path),
  });
  const verdicts = validateConfigTree(tree, { program: c.program, release: RELEASE, build: BUILD });
  const sshlint: string[] = [];
  for (const entry of tree.entries) {
    const p = verdicts.get(entry.directive)?.problem;
    if (p) sshlint.push(`${entry.file.source.path}:${entry.directive.line.number}:${p.severity}`);
  }
  // A post-parse fatal names no line: it is the one sshlint puts on the line that set the value.
  const postParse = sshlint.filter((x) => x.endsWith(':fatal'));
  if (openssh.includes(':0:fatal') && postParse.length === 1) openssh = strongest([...openssh.filter((x) => x !== ':0:fatal'), postParse[0]!]);
  // OpenSSH stops at a fatal one: compare up to it.
  const fatal = openssh.find((x) => x.endsWith(':fatal'));
  const upTo = fatal ? sshlint.indexOf(fatal) : -1;
  return { openssh, sshlint: strongest(upTo >= 0 ? sshlint.slice(0, upTo + 1) : sshlint) };
}

it('OpenSSH is available (mandatory when CI is set)', (ctx) => {
  requireOpenSSH();
  if (!available) ctx.skip();
});

describe.skipIf(!available)('config validator vs sshd -t / ssh -G 9.2', () => {
  afterAll(cleanupConfigOracle);

  it('agrees on every mutation of every keyword', { timeout: 300_000 }, async () => {
    const cases = allCases();
    const { checked, disagreements, stats } = await evaluate(cases);
    if (REPORT || disagreements.length > 0) {
      console.log(`${checked} cases (OpenSSH: ${stats.ok} accepted, ${stats.error} counted errors, ${stats.fatal} fatal), ${disagreements.length} disagreements\n${report(disagreements)}`);
    }
    expect(checked).toBeGreaterThan(3000);
    expect(disagreements.length, report(disagreements)).toBe(0);
  });

  it.each(FILE_CASES.map((c) => [JSON.stringify(c.files), c] as const))('agrees across Include: %s', async (_name, c) => {
    const { openssh, sshlint } = await fileCaseLines(c);
    expect(sshlint).toEqual(openssh);
  });
});
