import { directiveHit, defineConfigRule, type RuleHit } from '../rule.js';
import { effectiveConfig } from '../../parse/config/effective-config.js';
import { CRYPTO_CONFIG_KINDS } from './algorithm-lists.js';

/** OpenSSH's own floor (SSH_RSA_MINIMUM_MODULUS_SIZE, since 7.0): smaller keys never load. */
const OPENSSH_FLOOR = 1024;

export default defineConfigRule({
  id: 'SSH435',
  alias: 'required-rsa-size-low',
  kinds: CRYPTO_CONFIG_KINDS,
  category: 'weak-crypto',
  severity: 'note',
  docs: {
    summary: 'RequiredRSASize set below the policy minimum for RSA keys (2048 bits by default).',
    what:
      '`RequiredRSASize` (9.1+, sshd and ssh) set, on the line that takes effect, to fewer bits than `policy.minRsaBits` (default 2048). A value below 1024 changes nothing at all: OpenSSH never loads an RSA key under 1024 bits. Not setting the keyword is not reported (the default, 1024, is the release\'s choice).',
    why:
      'sshd refuses user and host-based keys, and ssh refuses server host keys, that are shorter than `RequiredRSASize` ("refusing RSA key"). The line was written to set a floor, and this one lets RSA keys that no longer give adequate security through: NIST has disallowed RSA under 2048 bits since 2014, and ssh-audit\'s hardening guides set `RequiredRSASize 3072`.',
    bad: 'RequiredRSASize 1024',
    good: 'RequiredRSASize 3072',
    references: [
      'sshd_config(5), ssh_config(5): RequiredRSASize (OpenSSH 9.1)',
      'OpenSSH sshkey.c sshkey_check_rsa_length(), sshkey.h SSH_RSA_MINIMUM_MODULUS_SIZE',
      'NIST SP 800-131A (RSA below 2048 bits disallowed)',
      'ssh-audit hardening guides (RequiredRSASize 3072)',
    ],
  },
  checkConfig(analysis, context) {
    const minimum = context.policy.minRsaBits;
    const hits: RuleHit[] = [];
    for (const found of effectiveConfig(analysis, context).winners('RequiredRSASize')) {
      if (!found.scope.broad) continue;
      const arg = found.directive.args[0];
      if (!arg || found.directive.args.length !== 1 || !/^\d+$/.test(arg.value)) continue;
      const bits = Number(arg.value);
      if (bits >= minimum) continue;
      const whose = analysis.kind === 'sshd_config' ? 'client keys' : 'host and identity keys';
      const accepted = Math.max(bits, OPENSSH_FLOOR);
      const effect =
        bits < OPENSSH_FLOOR
          ? `and changes nothing: OpenSSH never loads RSA keys under ${OPENSSH_FLOOR} bits anyway, so RSA ${whose} from ${OPENSSH_FLOOR} bits are accepted`
          : `(policy.minRsaBits): RSA ${whose} from ${bits} bits are accepted`;
      const risk = accepted < 2048 ? ', and RSA under 2048 bits no longer gives adequate security' : '';
      hits.push(
        directiveHit(
          found.directive,
          `RequiredRSASize ${bits} is below the ${minimum}-bit minimum ${effect}${risk}.`,
          `Raise it to at least ${Math.max(minimum, 2048)} (ssh-audit recommends 3072), after checking that no RSA key in use is shorter.`,
          arg.range,
        ),
      );
    }
    return hits;
  },
});
