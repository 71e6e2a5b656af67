import { ED25519_EXAMPLE } from '../examples.js';
import type { OptionErrorCode } from '../../parse/key-options.js';
import { defineKeyFileRule } from '../rule.js';
import { optionErrorHits } from './option-errors.js';

const HELP: Partial<Record<OptionErrorCode, string>> = {
  'invalid-expiry-time': 'Write expiry-time as YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally ending in Z for UTC: expiry-time="20271231Z".',
  'invalid-environment': 'Write environment="NAME=value", NAME made of letters, digits and underscores.',
  'invalid-permit': 'Write permitopen="host:port" (port 1–65535, *, or a TCP service name from /etc/services such as ssh); IPv6 addresses in brackets: "[2001:db8::1]:22".',
  'invalid-tunnel': 'Write tunnel="N" with a tun device number, or "any".',
};

export default defineKeyFileRule({
  id: 'SSH134',
  alias: 'invalid-key-option-value',
  kinds: ['authorized_keys'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'An option value sshd cannot parse: expiry-time, environment, permitopen/permitlisten, tunnel.',
    what: '`expiry-time` not in YYYYMMDD[HHMM[SS]][Z] form (e.g. `2027-12-31`), `environment` without `NAME=` or with an invalid name, `permitopen`/`permitlisten` without a valid port, `tunnel` that is not a number or `any`.',
    why: 'sshd fails the options ("invalid expires time", "invalid environment string", "invalid permission port", "invalid tun device") and skips the key silently.',
    bad: `expiry-time="2027-12-31" ${ED25519_EXAMPLE} contractor@laptop`,
    good: `expiry-time="20271231Z" ${ED25519_EXAMPLE} contractor@laptop`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT', 'OpenSSH auth-options.c sshauthopt_parse(), handle_permit()', 'OpenSSH misc.c parse_absolute_time()'],
  },
  check(model) {
    return optionErrorHits(model, ['invalid-expiry-time', 'invalid-environment', 'invalid-permit', 'invalid-tunnel'], (code) => HELP[code] ?? 'Fix the option value.');
  },
});
