import type { SourceLine } from '../../core/source.js';
import type { KeyEntry } from '../../parse/key-file-model.js';
import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, parsedEntries, type RuleHit } from '../rule.js';

interface Seen {
  line: SourceLine;
  entry: KeyEntry;
}

const has = (entry: KeyEntry, name: string) => entry.options.some((option) => option.name === name);

function optionsText(line: SourceLine, entry: KeyEntry): string {
  return entry.optionsRange ? line.text.slice(entry.optionsRange.start, entry.optionsRange.end) : '';
}

/**
 * The earlier lines of one key that can hide a later one. sshd takes the first line whose key
 * matches AND whose options let the login through (auth_check_authkeys_file stops at the first
 * line that returns 0), so an earlier line hides a later one only when it cannot refuse where the
 * later one would accept. Kept as the first line of each kind, so a file of 100,000 copies of one
 * key costs one lookup per line, not a walk over all earlier copies.
 */
interface Hiders {
  first: Seen;
  /**
   * Same options: whatever the earlier line refuses, the later one refuses too. The first line of
   * each options text after the first line's own; made at the first repeat, as most keys have none.
   */
  byOptions?: Map<string, Seen>;
  /** No option that can refuse: hides every later line. */
  acceptsAll?: Seen;
  /**
   * cert-authority without a forced command: hides every later line without principals=, which
   * accepts certificates the first line's user-name check refuses. (With a forced command, a
   * certificate with another one fails the merge on the first line only.)
   */
  acceptsUnlessPrincipals?: Seen;
}

function addHider(hiders: Hiders, seen: Seen): void {
  const text = optionsText(seen.line, seen.entry);
  if (seen !== hiders.first && text !== optionsText(hiders.first.line, hiders.first.entry)) {
    hiders.byOptions ??= new Map();
    if (!hiders.byOptions.has(text)) hiders.byOptions.set(text, seen);
  }
  const e = seen.entry;
  // from= and expiry-time can refuse, principals= refuses on a plain key and filters certificates.
  if (has(e, 'from') || has(e, 'expiry-time') || has(e, 'principals')) return;
  if (!has(e, 'cert-authority')) hiders.acceptsAll ??= seen;
  else if (!has(e, 'command')) hiders.acceptsUnlessPrincipals ??= seen;
}

/** The first earlier line that hides `later`. */
function firstHider(hiders: Hiders, later: Seen): Seen | undefined {
  const text = optionsText(later.line, later.entry);
  const candidates = [
    text === optionsText(hiders.first.line, hiders.first.entry) ? hiders.first : hiders.byOptions?.get(text),
    hiders.acceptsAll,
    has(later.entry, 'principals') ? undefined : hiders.acceptsUnlessPrincipals,
  ];
  return candidates.reduce<Seen | undefined>((first, seen) => (seen && (!first || seen.line.number < first.line.number) ? seen : first), undefined);
}

function keySpan(entry: KeyEntry) {
  return { start: entry.key.typeRange.start, end: entry.key.base64Range.end };
}

export default defineKeyFileRule({
  id: 'SSH115',
  alias: 'duplicate-key',
  kinds: ['authorized_keys', 'known_hosts'],
  category: 'hygiene',
  severity: 'warning',
  docs: {
    summary: 'The same key appears twice, and the later line can never take effect.',
    what: 'In authorized_keys: a key (compared by fingerprint) that an earlier line already authorizes in a way that always wins, either with the same options or with options that cannot refuse a login (no `from=`, `expiry-time=` or `principals=`). Deliberate fallbacks are not reported: `from="10.0.0.0/8" KEY` followed by `command="backup" KEY` gives different rights by source address. In known_hosts: the same key listed twice for the same marker and host list.',
    why: 'sshd reads authorized_keys top to bottom and stops at the first line whose key matches and whose options accept the login (tested with OpenSSH 9.2p1: a `from=` mismatch on the first line falls through to the next). When the first line always accepts, the options written on the later line, often the stricter ones someone added later, never apply. In known_hosts a repeated entry is harmless but hides which entry is current when the key is rotated.',
    bad: `${ED25519_EXAMPLE} deploy@ci\nrestrict,command="/usr/local/bin/deploy" ${ED25519_EXAMPLE} deploy@ci`,
    good: `restrict,command="/usr/local/bin/deploy" ${ED25519_EXAMPLE} deploy@ci`,
    references: ['OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file(), auth_check_authkey_line()', 'OpenSSH hostfile.c hostkeys_foreach_file()', 'tested with OpenSSH 9.2p1'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    const seen = new Map<string, Hiders>();
    for (const current of parsedEntries(model)) {
      const { line, entry } = current;
      const key = entry.key.key;
      // A certificate on an authorized_keys line never matches anything (certificate-as-key).
      if (model.kind === 'authorized_keys' && key.certificate) continue;
      const identity =
        model.kind === 'known_hosts'
          ? [entry.knownHosts?.marker?.name ?? '', entry.knownHosts?.hosts.text ?? '', key.certificate ? entry.key.base64 : key.fingerprint].join('\0')
          : `${has(entry, 'cert-authority') ? 'ca' : 'key'}\0${key.fingerprint}`;
      const earlier = seen.get(identity);
      const first = model.kind === 'known_hosts' ? earlier?.first : earlier && firstHider(earlier, current);
      if (first) {
        const sameOptions = optionsText(first.line, first.entry) === optionsText(line, entry);
        const message =
          model.kind === 'known_hosts'
            ? `Line ${first.line.number} already lists this key for the same hosts${entry.knownHosts?.marker ? ` with ${entry.knownHosts.marker.name}` : ''}; this line is redundant.`
            : sameOptions
              ? `This line repeats line ${first.line.number} (same ${has(entry, 'cert-authority') ? 'CA key' : 'key'}, same options): sshd stops at line ${first.line.number} and never uses this one.`
              : `Line ${first.line.number} already authorizes this ${has(entry, 'cert-authority') ? 'CA key' : 'key'} with options that always accept it, and sshd stops at the first match: the options on this line are never used.`;
        const help =
          model.kind === 'known_hosts'
            ? 'Delete the repeated line.'
            : sameOptions
              ? 'Delete the repeated line.'
              : `Keep one line for this key, with the options you want (or move this line above line ${first.line.number} if it is a deliberate, narrower rule).`;
        const hit = hitAt(line, keySpan(entry), message, help);
        const span = keySpan(first.entry);
        hit.related = [
          {
            file: model.source.path,
            line: first.line.number,
            column: span.start + 1,
            endColumn: span.end + 1,
            message: 'The same key first appears here.',
          },
        ];
        hits.push(hit);
      }
      const hiders = earlier ?? { first: current };
      if (!earlier) seen.set(identity, hiders);
      addHider(hiders, current);
    }
    return hits;
  },
});
