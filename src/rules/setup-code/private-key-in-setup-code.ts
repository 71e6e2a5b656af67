import { PRIVATE_KEY_MARKERS } from '../../discover/kinds.js';
import { defineSetupRule, type RuleHit } from '../rule.js';

/** Key bodies are long base64 runs; a placeholder (`…`, `<your key>`, `{{ key }}`) has none. */
const BASE64_RUN = /[A-Za-z0-9+/]{40,}/;
/** Lines after the armour that may hold the body: PEM headers (`Proc-Type:`, `DEK-Info:`) or a blank line come first. */
const BODY_SEARCH_LINES = 4;

export default defineSetupRule({
  id: 'SSH534',
  alias: 'private-key-in-setup-code',
  kinds: ['ansible', 'cloud_init', 'terraform'],
  category: 'secret-exposure',
  severity: 'error',
  docs: {
    summary: 'A private key is written out in setup code (cloud-init `ssh_keys`, an Ansible `copy` content, a Terraform string).',
    what: 'Private key armour (`-----BEGIN OPENSSH PRIVATE KEY-----`, PEM RSA/DSA/EC, PKCS#8, ssh.com or PuTTY) followed by key data, anywhere in an Ansible file, cloud-init user data or a Terraform file: cloud-init `ssh_keys: rsa_private`, a `write_files` entry, an Ansible `copy: content:`, a Terraform heredoc. A marker without a key body (a placeholder, a template) is not reported. sshlint never prints key material, only where it is.',
    why: 'Anyone who can read the repository, its forks, clones and CI caches has the key: a host key lets them impersonate the server, a user key lets them log in. Deleting it later leaves it in history. Setup code should reference secrets from a vault (Ansible Vault, a secrets manager, Terraform variables marked sensitive) or generate keys on the machine.',
    bad: '#cloud-config\nssh_keys:\n  ed25519_private: |\n    -----BEGIN OPENSSH PRIVATE KEY-----\n    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW…\n    -----END OPENSSH PRIVATE KEY-----',
    good: '#cloud-config\n# host keys are generated on first boot\nssh_deletekeys: true\nssh_genkeytypes: [ed25519]',
    references: ['cloud-init cc_ssh: ssh_keys', 'Ansible Vault', 'Terraform: sensitive variables', 'OWASP Secrets Management Cheat Sheet'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    const lines = model.source.lines;
    lines.forEach((line, index) => {
      const marker = PRIVATE_KEY_MARKERS.find((candidate) => line.text.includes(candidate));
      if (marker === undefined) return;
      const start = line.text.indexOf(marker);
      const after = [line.text.slice(start + marker.length), ...lines.slice(index + 1, index + 1 + BODY_SEARCH_LINES).map((next) => next.text)];
      if (!after.some((text) => BASE64_RUN.test(text))) return;
      hits.push({
        line: line.number,
        column: start + 1,
        endColumn: start + marker.length + 1,
        message: `A private key (${marker.replace(/^-+ ?BEGIN |[ -]+$|:$/g, '')}) is written out here in the repository; anyone who can read it can use the key.`,
        help: 'Remove it and rotate the key (it is compromised). Keep keys in a secret store (Ansible Vault, a secrets manager) or generate them on the machine; purge the key from history.',
      });
    });
    return hits;
  },
});
