import { parseExpiryTime, type KeyOption } from '../../parse/key-options.js';
import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesWithOption, type RuleHit } from '../rule.js';

/** A local time is the server's: anywhere from UTC-12 to UTC+14, so up to 12 hours later than read as UTC. */
const LATEST_ZONE_SECONDS = 12 * 3600;

function isUtc(value: string): boolean {
  return (value.length > 1 && /z$/i.test(value)) || (value.length > 3 && /utc$/i.test(value));
}

function formatTime(seconds: number, digits: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return digits <= 8 ? iso.slice(0, 10) : iso.slice(0, digits >= 14 ? 19 : 16).replace('T', ' ');
}

export default defineKeyFileRule({
  id: 'SSH141',
  alias: 'key-expired',
  kinds: ['authorized_keys'],
  category: 'lockout',
  severity: 'warning',
  docs: {
    summary: 'The key\'s `expiry-time=` is in the past: sshd refuses it.',
    what: 'An `expiry-time="…"` option whose time has passed (with several, the earliest counts, as in sshd). A time without `Z`/`UTC` is the server\'s local time; sshlint does not know the server\'s zone, so it only reports such a time once it is past in every time zone.',
    why: 'sshd still reads the line, finds the key, and then denies the login in `auth_authorise_keyopts()` ("entry expired at …" at debug level, "Refused by key options" in the log). That is the point of the option, but an expired line left in a deployed file usually means someone is about to be locked out, or access was meant to be renewed.',
    bad: `expiry-time="20250101Z" ${ED25519_EXAMPLE} contractor@laptop`,
    good: `expiry-time="20271231Z" ${ED25519_EXAMPLE} contractor@laptop`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT, expiry-time', 'OpenSSH auth2-pubkeyfile.c auth_authorise_keyopts()', 'OpenSSH misc.c parse_absolute_time()', 'tested with OpenSSH 9.2p1'],
  },
  check(model, context) {
    const hits: RuleHit[] = [];
    for (const { line, entry } of entriesWithOption(model, 'expiry-time')) {
      let earliest: { option: KeyOption; value: string; latest: number; seconds: number } | undefined;
      for (const option of entry.options) {
        if (option.name !== 'expiry-time' || option.value === undefined) continue;
        const seconds = parseExpiryTime(option.value);
        if (seconds === undefined) continue;
        const latest = isUtc(option.value) ? seconds : seconds + LATEST_ZONE_SECONDS;
        if (!earliest || latest < earliest.latest) earliest = { option, value: option.value, latest, seconds };
      }
      if (!earliest || earliest.latest >= context.now) continue;
      const digits = earliest.value.replace(/(z|utc)$/i, '').length;
      const days = Math.floor((context.now - earliest.latest) / 86400);
      const ago = days >= 1 ? ` (${days} day${days === 1 ? '' : 's'} ago)` : '';
      const when = isUtc(earliest.value)
        ? `on ${formatTime(earliest.seconds, digits)} UTC${ago}`
        : `around ${formatTime(earliest.seconds, digits)} server time${ago}`;
      hits.push(
        hitAt(
          line,
          earliest.option.range,
          `This key expired ${when}: sshd still finds it but refuses the login ("entry expired").`,
          'Remove the line if access should end, or set a new expiry-time (e.g. expiry-time="20271231Z") if it should continue.',
        ),
      );
    }
    return hits;
  },
});
