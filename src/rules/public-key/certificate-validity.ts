import type { CertInfo } from '../../ssh/key-blob.js';
import { defineKeyFileRule, hitAt, parsedEntries, type RuleHit } from '../rule.js';

/** `ssh-keygen -V …:forever` stores valid_before as 2^64-1 (and `always` as valid_after 0). */
export const FOREVER = 2n ** 64n - 1n;

/** The largest time a JavaScript Date holds, in seconds. */
const MAX_DATE_SECONDS = 8_640_000_000_000n;

/** A certificate time as ISO 8601 in UTC, e.g. `2026-11-24T00:00:00Z`. */
export function formatCertTime(seconds: bigint): string {
  if (seconds > MAX_DATE_SECONDS) return `${seconds} seconds after 1970`;
  return new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The validity problems of `cert` at `now`, as (message, help) pairs; sshkey_cert_check_authority's rules. */
function problems(cert: CertInfo, now: bigint): [string, string][] {
  const { validAfter, validBefore } = cert;
  const user = cert.certType === 'user';
  const who = user ? 'sshd refuses it ("Certificate invalid: expired")' : 'ssh refuses the host ("Certificate invalid: expired")';
  const renew = `Issue a new certificate: \`ssh-keygen -s CA_KEY -I ID -n PRINCIPALS -V +52w ${user ? '' : '-h '}KEY.pub\`.`;
  if (validAfter >= validBefore) {
    return [[`This certificate is never valid: valid from ${formatCertTime(validAfter)} but only before ${formatCertTime(validBefore)}.`, renew]];
  }
  // OpenSSH: not yet valid if now < valid_after; expired if now >= valid_before.
  if (now >= validBefore) {
    return [[`This ${cert.certType} certificate expired on ${formatCertTime(validBefore)}; ${who}.`, renew]];
  }
  const found: [string, string][] = [];
  if (now < validAfter) {
    found.push([
      `This ${cert.certType} certificate is not valid until ${formatCertTime(validAfter)}; until then ${user ? 'sshd' : 'ssh'} refuses it ("Certificate invalid: not yet valid").`,
      'Check the -V start time it was issued with (and the clock of the machine that issued it).',
    ]);
  }
  if (validBefore === FOREVER) {
    found.push([
      `This ${cert.certType} certificate never expires (valid ${validAfter === 0n ? 'always:forever' : `from ${formatCertTime(validAfter)} forever`}): if its key leaks, it stays usable until the certificate is revoked (RevokedKeys) or the CA is replaced.`,
      `Issue certificates with an end date (\`ssh-keygen -s … -V +52w\`; ssh-keygen's default is forever) and renew them.`,
    ]);
  }
  return found;
}

export default defineKeyFileRule({
  id: 'SSH301',
  alias: 'certificate-validity',
  kinds: ['public_key'],
  category: 'hygiene',
  severity: 'warning',
  docs: {
    summary: 'An OpenSSH certificate that has expired, is not yet valid, or never expires.',
    what: 'The validity window of a certificate in a `*-cert.pub` file, checked against the time of the run: expired (valid_before at or before now), not yet valid (valid_after after now), or valid forever (valid_before 2^64-1, what `ssh-keygen -s` writes without `-V`, or with `-V always:forever` / `-V …:forever`). Times are shown in UTC.',
    why: 'OpenSSH refuses an expired or not-yet-valid certificate ("Certificate invalid: expired" / "not yet valid"): a user certificate no longer logs in, a host certificate no longer vouches for its host. A certificate that never expires gives up the main advantage of certificates over plain keys: if the key leaks, it works until the CA itself is replaced or the certificate is listed in a RevokedKeys file.',
    bad: 'ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIGzfEfbzIli7aZFDoejV+IAST4dWWIsWDiqpODsPGcEFAAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAACmFsaWNlLTIwMjAAAAAJAAAABWFsaWNlAAAAAF4L4QAAAAAAX+5mAAAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2FyZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1pdC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1pdC11c2VyLXJjAAAAAAAAAAAAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIDFW2i1crB431XJy9ezfelZmeXWhMmii6Is8tj0vW4ToAAAAUwAAAAtzc2gtZWQyNTUxOQAAAED/4Ql35iKtAG/7JnojC9lexnEXquyJ4ko1/7xQ83BDmGZhFNldOlG3sSDPxBg2tCw+ZJaoR3sL6R+K8k6n5K4K alice@laptop',
    good: 'ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIPMQ7UDBS+ztFUaeQanx2SXEThZFr8ihxgcNRxovjbV2AAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAACmFsaWNlLTIwMjYAAAAJAAAABWFsaWNlAAAAAGlVuQAAAAAAbRbOgAAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2FyZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1pdC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1pdC11c2VyLXJjAAAAAAAAAAAAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIDFW2i1crB431XJy9ezfelZmeXWhMmii6Is8tj0vW4ToAAAAUwAAAAtzc2gtZWQyNTUxOQAAAEDpmHhEmWACGie79jlGmsO4Iii7qneTqQ06MHo+Ld5R4GjF2kajJ+5PlL+sHIVzwl/Yghgt+gBzEbETPdw4EpUH alice@laptop',
    references: ['OpenSSH sshkey.c sshkey_cert_check_authority()', 'ssh-keygen(1) -V, -L', 'PROTOCOL.certkeys (valid after / valid before)'],
  },
  check(model, context) {
    const now = BigInt(Math.floor(context.now));
    const hits: RuleHit[] = [];
    for (const { line, entry } of parsedEntries(model)) {
      const cert = entry.key.key.cert;
      if (!cert) continue;
      const range = { start: entry.key.typeRange.start, end: entry.key.base64Range.end };
      for (const [message, help] of problems(cert, now)) hits.push(hitAt(line, range, message, help));
    }
    return hits;
  },
});
