import { formatVersion } from '../../core/version.js';
import type { Range } from '../../parse/read-key.js';
import type { KeyOption } from '../../parse/key-options.js';
import { checkAddressPatternList, type PatternProblem } from '../../parse/address-patterns.js';
import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesWithOption, quote, type RuleHit } from '../rule.js';

/** Where each character of the dequoted value sits in the line (`\"` is one character). */
function valueOffsets(text: string, option: KeyOption): number[] {
  const offsets: number[] = [];
  if (!option.valueRange) return offsets;
  let i = option.valueRange.start + 1;
  const end = option.valueRange.end - 1;
  while (i < end) {
    if (text[i] === '\\' && text[i + 1] === '"') i++;
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return offsets;
}

function problemRange(problem: PatternProblem, offsets: number[], option: KeyOption, valueLength: number): Range {
  const at = (i: number) => offsets[i] ?? option.range.end;
  const { start, end } = problem.entry;
  if (problem.code !== 'empty' || end > start) return { start: at(start), end: at(end - 1) + 1 };
  // An empty entry: point at the comma that makes it (or the whole option for from="").
  if (valueLength === 0) return option.range;
  if (end < valueLength) return { start: at(end), end: at(end) + 1 };
  return { start: at(start - 1), end: at(start - 1) + 1 };
}

function describe(problem: PatternProblem, shown: string): { message: string; help: string } {
  const refused = 'sshd treats the whole from= list as invalid and refuses this key from every address ("invalid from criteria")';
  switch (problem.code) {
    case 'empty':
      return {
        message: `from= has an empty entry (an extra, leading or trailing comma): ${refused}.`,
        help: 'Remove the extra comma.',
      };
    case 'mask-too-long':
      return {
        message: `The mask in ${shown} is longer than ${problem.family === 4 ? 32 : 128} bits: ${refused}.`,
        help: `Use a prefix length of at most ${problem.family === 4 ? 32 : 128}.`,
      };
    case 'host-bits':
      return {
        message: `${shown} has host bits set beyond the /${problem.maskLength} mask (the network is ${problem.network}/${problem.maskLength}): ${refused}.`,
        help: `Write the network address, ${problem.network}/${problem.maskLength}, or drop the mask to allow the single address ${problem.host}.`,
      };
    case 'blank':
      return {
        message: problem.entry.negated
          ? `${shown} contains a blank, so it can never match an address or host name: it excludes nothing.`
          : `${shown} contains a blank, so it can never match an address or host name: sshd does not allow what it names.`,
        help: 'Remove the blanks: entries in from= are separated by commas only.',
      };
  }
}

export default defineKeyFileRule({
  id: 'SSH142',
  alias: 'invalid-from-pattern',
  kinds: ['authorized_keys'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'A `from=` entry that sshd cannot use: an empty entry, a CIDR with host bits set or an over-long mask (the key is refused from everywhere), or a blank inside an entry.',
    what: 'sshd splits `from="…"` at commas and reads each entry as an address or CIDR network (`addr_pton_cidr()`), else as a host name pattern. An empty entry (`a,,b`, a trailing comma, a lone `!`), an address whose bits outside the mask are not zero (`10.0.0.1/8`, `192.168.1.1/24`, `1.2.3.4/0`), or a mask longer than the address (`/33` on IPv4; from OpenSSH 9.8 also `/129`) is an error. An entry with a blank in it (`from="10.0.0.1, 10.0.0.2"`) is not an error, but it can never match anything. Addresses are read as glibc does, so `127.1/8` is 127.0.0.1/8.',
    why: 'An invalid entry makes `match_host_and_ip()` return -1, and `auth_authorise_keyopts()` then denies the key from every address, even one that an earlier entry matches (tested with OpenSSH 9.2p1: "invalid from criteria" at debug level, "not from a permitted host" in the log). A blank-containing entry silently fails to allow the address it names.',
    bad: `from="10.0.0.1/8,192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    good: `from="10.0.0.0/8,192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    references: [
      'OpenSSH match.c match_host_and_ip()',
      'OpenSSH addrmatch.c addr_match_list(), addr.c addr_pton_cidr()',
      'OpenSSH auth2-pubkeyfile.c auth_authorise_keyopts() ("invalid from criteria")',
      'sshd(8) AUTHORIZED_KEYS FILE FORMAT, from',
      'tested with OpenSSH 9.2p1',
    ],
  },
  check(model, context) {
    const version = formatVersion(context.version);
    const hits: RuleHit[] = [];
    // Keys in one file tend to share their from= lists: each distinct list is checked once.
    const checked = new Map<string, PatternProblem[]>();
    for (const { line, entry } of entriesWithOption(model, 'from')) {
      const from = entry.options.find((option) => option.name === 'from');
      if (!from || from.value === undefined) continue;
      let problems = checked.get(from.value);
      if (!problems) checked.set(from.value, (problems = checkAddressPatternList(from.value, version)));
      if (problems.length === 0) continue;
      const offsets = valueOffsets(line.text, from);
      for (const problem of problems) {
        const raw = from.value.slice(problem.entry.start, problem.entry.end);
        const { message, help } = describe(problem, quote(raw));
        hits.push(hitAt(line, problemRange(problem, offsets, from, from.value.length), message, help));
      }
    }
    return hits;
  },
});
