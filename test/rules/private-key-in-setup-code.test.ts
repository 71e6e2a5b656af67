import rule from '../../src/rules/setup-code/private-key-in-setup-code.js';
import { setupRuleTable } from './setup-rule-tester.js';

const BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';

setupRuleTable(rule, {
  valid: [
    { name: 'placeholder without a body', kind: 'cloud_init', text: '#cloud-config\nssh_keys:\n  rsa_private: |\n    -----BEGIN RSA PRIVATE KEY-----\n    ...\n    -----END RSA PRIVATE KEY-----\n' },
    { name: 'vaulted in Ansible', kind: 'ansible', text: '- copy:\n    content: "{{ vault_deploy_key }}"\n    dest: /home/d/.ssh/id_ed25519\n' },
    { name: 'public key only', kind: 'terraform', text: 'resource "aws_key_pair" "k" {\n  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJbOMZSB4uDzS0+3oK0Zu7gSFvUNxyU1ZsFcumeEumEg"\n}\n' },
  ],
  invalid: [
    { name: 'cloud-init ssh_keys', kind: 'cloud_init', text: `#cloud-config\nssh_keys:\n  ed25519_private: |\n    -----BEGIN OPENSSH PRIVATE KEY-----\n    ${BODY}\n`, hits: [{ line: 4, column: 5, message: 'OPENSSH PRIVATE KEY' }] },
    { name: 'Ansible copy content, inline \\n', kind: 'ansible', text: `- copy:\n    content: "-----BEGIN RSA PRIVATE KEY-----\\n${BODY}\\n"\n    dest: /root/.ssh/id_rsa\n`, hits: [{ line: 2, column: 15 }] },
    { name: 'encrypted PEM: headers before the body', kind: 'cloud_init', text: `#cloud-config\nwrite_files:\n  - content: |\n      -----BEGIN RSA PRIVATE KEY-----\n      Proc-Type: 4,ENCRYPTED\n      DEK-Info: AES-128-CBC,0123\n\n      ${BODY}\n`, hits: [{ line: 4 }] },
    { name: 'Terraform heredoc', kind: 'terraform', text: `locals {\n  key = <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\n${BODY}\nEOF\n}\n`, hits: [{ line: 3, column: 1 }] },
  ],
});
