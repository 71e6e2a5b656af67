import type { SourceLine } from '../../core/source.js';
import { ED25519_BLOB } from '../examples.js';
import { defineKeyFileRule, hitAt, parsedEntries, quote, type RuleHit } from '../rule.js';
import { hasWildcard, splitHostPatterns, type HostPattern } from './host-patterns.js';

/** sshconnect.c/misc.c `put_host_port`: port 22 (and 0) is looked up bare, any other as `[host]:port`. */
const DEFAULT_PORT = 22;
const MAX_PORT = 65535;

/** Why a pattern can never equal a name ssh looks up, and what to write instead; undefined if it can. */
function portProblem(body: string): { why: string; fix: string } | undefined {
  if (body.startsWith('[')) {
    const close = body.indexOf(']');
    if (close === -1) {
      // Every bracketed lookup name contains `]`; only a wildcard could stand in for it.
      if (hasWildcard(body)) return undefined;
      return { why: 'the closing `]` is missing', fix: 'Write it as `[host]:port`.' };
    }
    const inner = body.slice(1, close);
    const rest = body.slice(close + 1);
    // A bracketed name has exactly one `]`, so the pattern's first `]` meets it and `rest` must
    // match `:port` itself.
    if (hasWildcard(rest)) return undefined;
    if (rest === '') return { why: 'a bracketed host needs a `:port` after it', fix: `Write \`[${inner}]:PORT\`, or \`${inner}\` alone for port 22.` };
    const port = /^:(\d{1,10})$/.exec(rest)?.[1];
    if (port === undefined) return { why: `\`${rest}\` after \`]\` is not \`:port\``, fix: `Write \`[${inner}]:PORT\`.` };
    const value = Number(port);
    if (value === DEFAULT_PORT || value === 0) {
      return {
        why: `for port ${DEFAULT_PORT} ssh looks up the bare name, never \`[${inner}]:${port}\``,
        fix: `Write \`${inner}\` without brackets and port.`,
      };
    }
    if (value > MAX_PORT) return { why: `${port} is not a TCP port`, fix: `Write \`[${inner}]:PORT\` with the real port.` };
    if (String(value) !== port) {
      return { why: `ssh writes the port without leading zeros (\`[${inner}]:${value}\`)`, fix: `Write \`[${inner}]:${value}\`.` };
    }
    return undefined;
  }
  const colon = body.indexOf(':');
  // No colon, or two or more: a plain name, or an IPv6 address written bare (`2001:db8::1`).
  if (colon === -1 || body.indexOf(':', colon + 1) !== -1) return undefined;
  const host = body.slice(0, colon);
  const port = body.slice(colon + 1);
  if (host === '' || !/^\d{1,5}$/.test(port) || host.includes(']')) return undefined;
  // With one colon and no wildcard it can equal neither a bare name (no colon), a bare IPv6
  // address (two colons or more) nor `[host]:port` (starts with `[`). A wildcard could absorb the
  // brackets (`*:2222` matches `[10.0.0.1]:2222`) or colons: only `*.domain:port` is still certain.
  if (hasWildcard(host) && !/^\*\.[^*?]*[g-z][^*?]*$/i.test(host)) return undefined;
  if (Number(port) === DEFAULT_PORT) {
    return { why: `for port ${DEFAULT_PORT} ssh looks up the bare name \`${host}\``, fix: `Write \`${host}\` without the port.` };
  }
  return {
    why: `for port ${Number(port)} ssh looks up \`[${host}]:${Number(port)}\``,
    fix: `Write \`[${host}]:${Number(port)}\`.`,
  };
}

function reportPattern(line: SourceLine, pattern: HostPattern): RuleHit | undefined {
  const problem = portProblem(pattern.body);
  if (!problem) return undefined;
  const what = pattern.negated ? 'This negated pattern never excludes anything' : 'This host pattern never matches';
  return hitAt(line, pattern.range, `${what}: ${quote(pattern.text)}, ${problem.why}.`, problem.fix);
}

export default defineKeyFileRule({
  id: 'SSH203',
  alias: 'known-hosts-port-syntax',
  kinds: ['known_hosts'],
  category: 'lockout',
  severity: 'warning',
  docs: {
    summary: 'A host pattern with a port in a form ssh never looks up (`host:2222`, `[host]:22`).',
    what: 'ssh looks a server up in known_hosts by its name alone when it listens on port 22, and as `[name]:port` for any other port (`put_host_port()`). A pattern written `host:2222`, `[host]:22`, `[host]` without a port, or with a port that has leading zeros can therefore never match. IPv6 addresses written without brackets (`2001:db8::1`) are plain names and are not reported, nor are wildcard patterns that could still match (`*:2222`).',
    why: 'The entry is dead: ssh does not find the host, so it prompts to add the key again, or fails with "Host key verification failed" under StrictHostKeyChecking yes (as in CI). An `@cert-authority` line written this way trusts its CA for nothing; a negated pattern excludes nothing. The one exception is a HostKeyAlias set to exactly that text, which is looked up verbatim.',
    bad: `git.example.com:2222 ssh-ed25519 ${ED25519_BLOB}`,
    good: `[git.example.com]:2222 ssh-ed25519 ${ED25519_BLOB}`,
    references: ['sshd(8) SSH_KNOWN_HOSTS FILE FORMAT ("[hostname]:port")', 'OpenSSH misc.c put_host_port(), sshconnect.c get_hostfile_hostname_ipaddr()'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const { line, entry } of parsedEntries(model)) {
      const hosts = entry.knownHosts?.hosts;
      if (!hosts || hosts.hashed) continue;
      for (const pattern of splitHostPatterns(hosts)) {
        const hit = reportPattern(line, pattern);
        if (hit) hits.push(hit);
      }
    }
    return hits;
  },
});
