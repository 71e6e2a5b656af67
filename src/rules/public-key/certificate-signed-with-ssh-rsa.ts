import { atLeast, formatVersion } from '../../core/version.js';
import { defineKeyFileRule, hitAt, parsedEntries, type RuleHit } from '../rule.js';

/** myproposal.h SSH_ALLOWED_CA_SIGALGS lost `ssh-rsa` in OpenSSH 8.2 (commit c3368a5d5, 2020-01). */
const SSH_RSA_REFUSED_SINCE = '8.2';

export default defineKeyFileRule({
  id: 'SSH302',
  alias: 'certificate-signed-with-ssh-rsa',
  kinds: ['public_key'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'A certificate whose CA signature uses `ssh-rsa` (RSA with SHA-1), which OpenSSH 8.2 and later refuse by default.',
    what: 'The signature algorithm inside a certificate (the one `ssh-keygen -L` shows as "Signing CA: RSA … (using ssh-rsa)") is `ssh-rsa`: RSA over a SHA-1 hash. It is what `ssh-keygen -s` used for RSA CA keys before OpenSSH 8.2, what `-t ssh-rsa` still selects, and what some older CA tools and HSM signers still produce. The CA key itself is fine; re-signing with `rsa-sha2-256` or `rsa-sha2-512` fixes it.',
    why: 'Since OpenSSH 8.2 the default CASignatureAlgorithms (`SSH_ALLOWED_CA_SIGALGS`) leaves out `ssh-rsa`, and `sshkey_check_cert_sigtype()` rejects the certificate: sshd logs "certificate signature algorithm ssh-rsa: signature algorithm not supported" and refuses a user certificate, ssh refuses a host certificate. Only a CASignatureAlgorithms that adds `ssh-rsa` back accepts it, at the price of trusting SHA-1 signatures, for which chosen-prefix collisions are practical. On older targets it still works but is weak.',
    bad: 'ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAICOlxjOG1pqCCMQ7N2KFrGa4q4k8XqZoj6xJV2S4AI+LAAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAACmFsaWNlLXNoYTEAAAAJAAAABWFsaWNlAAAAAGlVuQAAAAAAbRbOgAAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2FyZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1pdC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1pdC11c2VyLXJjAAAAAAAAAAAAAAGXAAAAB3NzaC1yc2EAAAADAQABAAABgQC8AWEYahOlj/GpRTPAgtmtF7EMl+Ee35ypgC9fvbW4LND6s0vm8Zy8cB4UBzQ09uP4k4Msnl8gH8Wol99jQxTtIBk619EMxpP8wH1VC+nDIst+Yc8wudETppe4C5wjh4YqI5JwHHBAh2mdV1aNr8LTWEpC5YvK5jV0q2uEfI1zBMvO252lnanD0Xp6qjutVxEHlTidPFjCycyNlZNILamiQxWlVLAeHvESM70bm/0AHfTGoqYYE2BQMzI/tdx4xPBv8u+KPn67CMR+p3kxoeqWUC/4IT05vYE5ZxIs/cGjzI7NEmzXBTQbvqlJRYJEK2nEjW9cLVZ7JolH7ETwcr5g8EqNQpGp3VjhzIfQcik0uLmporLPBX6ACJO9TQI62rES3GZBhOYmp/Plz5IRQ7LhZTrIO/gnNnkNXAeFHSpzro+T6luIgFN8RkF0K8ybXPfyxyG1WdRgWz/YgapEpTRY5REP0MWFNzs7pH10lPHvpsp6u0TGQnyEVPgrQ4/jvtsAAAGPAAAAB3NzaC1yc2EAAAGACTETHeMW+PEz2/cuIFW6MiH4R5dzLLNBkCpXWd2edumxWIYl5I7ts/LA0X68hXlqx1S9hppgP8udEXsWzT658k0HqnhpZ6Lh1aH/x/JT1ZY9AdpV3f03T/FnYSatTEEU+THDDJFDYTrplNj35fmNeuwCL0AwG4RqA9thkDckWTiHgSDPV2eOf2R8YIeDELwcxh2e2Mj5r7Zp5siVnzrEivEsf+DVgOHzNDA/Wijj1CtZdXk0/7BarRV7quJ3vT6aD3HmRogEkEs9q6YkqUCQkxv1RqmLHfMSrwabvUq2HJHdMKg2eelCtBEDsUc9F23ubwBg2ihnndIzAH9XY0QfC3YkWOda57WVcDTwuoMYcvrgaU5q2CPng7fT7vebRa838hxCp5srzmp0fGidEWwZxy0QYIFS2B/jdqelL5HqkYNXkE50SBPpdHO/1ZKpZNfKsI9Gq94cLWycmX64dhvnuTWwW2QqxvOKBb6UxQ/VE5430yUheMCfl6gl98czkwDy alice@laptop',
    good: 'ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIADmycs3VaagZRSJqPIAeOqKz7F9Sh5IrPdFH2firxvqAAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAADGFsaWNlLXNoYTUxMgAAAAkAAAAFYWxpY2UAAAAAaVW5AAAAAABtFs6AAAAAAAAAAIIAAAAVcGVybWl0LVgxMS1mb3J3YXJkaW5nAAAAAAAAABdwZXJtaXQtYWdlbnQtZm9yd2FyZGluZwAAAAAAAAAWcGVybWl0LXBvcnQtZm9yd2FyZGluZwAAAAAAAAAKcGVybWl0LXB0eQAAAAAAAAAOcGVybWl0LXVzZXItcmMAAAAAAAAAAAAAAZcAAAAHc3NoLXJzYQAAAAMBAAEAAAGBALwBYRhqE6WP8alFM8CC2a0XsQyX4R7fnKmAL1+9tbgs0PqzS+bxnLxwHhQHNDT24/iTgyyeXyAfxaiX32NDFO0gGTrX0QzGk/zAfVUL6cMiy35hzzC50ROml7gLnCOHhiojknAccECHaZ1XVo2vwtNYSkLli8rmNXSra4R8jXMEy87bnaWdqcPRenqqO61XEQeVOJ08WMLJzI2Vk0gtqaJDFaVUsB4e8RIzvRub/QAd9MaiphgTYFAzMj+13HjE8G/y74o+frsIxH6neTGh6pZQL/ghPTm9gTlnEiz9waPMjs0SbNcFNBu+qUlFgkQracSNb1wtVnsmiUfsRPByvmDwSo1CkandWOHMh9ByKTS4uamiss8FfoAIk71NAjrasRLcZkGE5ian8+XPkhFDsuFlOsg7+Cc2eQ1cB4UdKnOuj5PqW4iAU3xGQXQrzJtc9/LHIbVZ1GBbP9iBqkSlNFjlEQ/QxYU3OzukfXSU8e+mynq7RMZCfIRU+CtDj+O+2wAAAZQAAAAMcnNhLXNoYTItNTEyAAABgCVyyUrG+S6jzlLAFv2ov1/SuNl0sPCb5hqSc7S456ZVeo02VfhM1HjcNAIiKImehaXgk10NFNtNxMbhmWPD72RdbbAxQhFoJhmjjG583II8DTj+5mhAeKyK4tBjyT8IlRCgTKM6v8xrXvb98Od//ABb22p5OSYr+DMQb0cgMsd6oIH943vgU1QWfJTzz5Z9jRsWM1hbPg1vxLnNkOXV+LEUIVcg5bPC+XflnbP6kkPIg33iLVAIsNVRuRpHrsNPl28thzTI6LuVt+emxvkE76b9DUwMhjwASl/eXw7omDopioLqKJo0yaDpd9kHCOa4kW5PbPlw3dZNlbdHdQHtTObxE4MxWN3XK8uKMrUCmfqDXc6l3SVlniA2jFGDlABeU9ES4isfweOmMb51PU9JeCldzvDgjZP5TwTsjpxRU5ulLPNLf4KhF95Yb3H+XoFZCTCLorx/3bA5G5eU/4V+MDiENIcdWz7xOwTD5Zwu4X+bBtSMzTtNh74VpgDPs/1Vbg== alice@laptop',
    references: [
      'OpenSSH myproposal.h SSH_ALLOWED_CA_SIGALGS; sshkey.c sshkey_check_cert_sigtype()',
      'OpenSSH 8.2 release notes ("ssh-rsa" removed from CASignatureAlgorithms)',
      'sshd_config(5) / ssh_config(5) CASignatureAlgorithms',
      'SHA-1 is a Shambles (Leurent, Peyrin 2020)',
    ],
  },
  check(model, context) {
    const refused = atLeast(context.version, SSH_RSA_REFUSED_SINCE);
    const target = formatVersion(context.version);
    const hits: RuleHit[] = [];
    for (const { line, entry } of parsedEntries(model)) {
      const cert = entry.key.key.cert;
      if (!cert || cert.signatureAlgorithm !== 'ssh-rsa') continue;
      const side = cert.certType === 'user' ? 'sshd refuses this user certificate' : 'ssh refuses this host certificate';
      const message = refused
        ? `This certificate's CA signature uses ssh-rsa (SHA-1), which OpenSSH ${target}'s default CASignatureAlgorithms does not allow: ${side}.`
        : `This certificate's CA signature uses ssh-rsa (SHA-1), a weak signature; OpenSSH ${target} accepts it, but 8.2 and later refuse it by default.`;
      hits.push(
        hitAt(
          line,
          { start: entry.key.typeRange.start, end: entry.key.base64Range.end },
          message,
          `Re-sign it with a SHA-2 signature: \`ssh-keygen -s CA_KEY -t rsa-sha2-512 -I ID …\` (the default of ssh-keygen 8.2 and later), CA fingerprint ${cert.signatureKey.fingerprint}.`,
        ),
      );
    }
    return hits;
  },
});
