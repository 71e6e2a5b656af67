import { ED25519_BLOB } from '../examples.js';
import { defineKeyFileRule, hitAt, parsedEntries, quote, type RuleHit } from '../rule.js';
import { splitHostPatterns } from './host-patterns.js';

/**
 * Generic top-level domains open to the public. Two-letter labels are country codes and are
 * handled apart; names private networks use (`internal`, `local`, `lan`, `corp`, `home`,
 * `test`, `localhost`, `localdomain`) are deliberately absent.
 */
const PUBLIC_GENERIC_TLDS = new Set(
  (
    'com net org info biz edu gov mil int name pro mobi aero asia cat coop jobs museum tel travel xxx ' +
    'app dev page cloud online site website xyz top shop store tech space live blog club link click ' +
    'host hosting server systems network digital services solutions company email io ai'
  ).split(' '),
);

/** ISO 3166 codes reserved for private use, which are not delegated as country-code TLDs. */
const USER_ASSIGNED_CODES = /^(aa|q[m-z]|x[a-z]|zz)$/;

function isPublicTld(label: string): boolean {
  const tld = label.toLowerCase();
  if (/^[a-z]{2}$/.test(tld)) return !USER_ASSIGNED_CODES.test(tld);
  return PUBLIC_GENERIC_TLDS.has(tld);
}

/** Why a positive `@cert-authority` pattern trusts the CA far beyond one organisation, or undefined. */
function breadth(body: string): string | undefined {
  // `[pattern]:port` narrows the port, not the hosts.
  const host = /^\[(.*)\]:[^\]]*$/.exec(body)?.[1] ?? body;
  if (/^[*?.]*$/.test(host) && host.includes('*')) return 'it matches every host name';
  // `*.com`, `*com`, `web*.com`: the only fixed text after the last `*` is a public top-level domain.
  const star = host.lastIndexOf('*');
  // Cut at the last `*` first: an unanchored pattern searching for it backtracks quadratically on `**…*a`.
  const fixed = star === -1 ? undefined : /^\?*\.?([^*?.]+)\.?$/.exec(host.slice(star + 1))?.[1];
  if (fixed !== undefined && isPublicTld(fixed)) return `it matches every host under .${fixed.toLowerCase()}, in domains anyone can register`;
  return undefined;
}

export default defineKeyFileRule({
  id: 'SSH204',
  alias: 'known-hosts-ca-too-broad',
  kinds: ['known_hosts'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: 'An `@cert-authority` line trusts its CA for every host (`*`), or for a whole public top-level domain (`*.com`).',
    what: 'A positive host pattern of an `@cert-authority` line is reported when it is made only of wildcards and dots (`*`, `*.*`, `*?`, also inside `[ ]:port`), or when the only fixed text after its last `*` is a public top-level domain: every two-letter country code (`*.de`, `*.io`) and the common generic ones (`*.com`, `web*.net`, `*.org`, `*.dev`, …). Patterns that end in a domain (`*.example.com`; also `*.co.uk`-style suffixes, which this rule does not know), IP ranges (`10.*`) and private-use names (`*.internal`, `*.corp`, `*.lan`, `*.local`) are not reported; negated patterns only narrow a line and are never reported.',
    why: 'ssh accepts any host certificate signed by a CA whose `@cert-authority` line matches the host name, as long as a principal in the certificate matches that name. With `*` the CA can vouch for every server you connect to, including ones outside your organisation (github.com, your bank\'s SFTP): whoever holds or steals the CA key can impersonate any of them without a host-key warning. Restrict the line to the domains the CA actually signs for.',
    bad: `@cert-authority * ssh-ed25519 ${ED25519_BLOB}`,
    good: `@cert-authority *.example.com,*.example.net ssh-ed25519 ${ED25519_BLOB}`,
    references: ['sshd(8) SSH_KNOWN_HOSTS FILE FORMAT (@cert-authority)', 'OpenSSH hostfile.c, sshconnect.c check_host_key() (want_cert)', 'OpenSSH sshkey.c sshkey_cert_check_host()'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const { line, entry } of parsedEntries(model)) {
      const fields = entry.knownHosts;
      if (fields?.marker?.name !== '@cert-authority' || fields.hosts.hashed) continue;
      for (const pattern of splitHostPatterns(fields.hosts)) {
        if (pattern.negated) continue;
        const why = breadth(pattern.body);
        if (!why) continue;
        hits.push(
          hitAt(
            line,
            pattern.range,
            `This CA is trusted for the host pattern ${quote(pattern.text)}: ${why}, so it can sign a certificate for any of them.`,
            'List only the domains this CA signs host certificates for, e.g. `*.example.com`.',
          ),
        );
      }
    }
    return hits;
  },
});
