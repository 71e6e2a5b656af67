import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import type { SetupKind } from '../../src/core/file-kind.js';
import { createSourceFile } from '../../src/core/source.js';
import { kindFromPath, setupKindFromContent } from '../../src/discover/kinds.js';
import { lintSetupSource } from '../../src/engine/lint-setup.js';
import { buildRuleSet } from '../../src/engine/rule-set.js';
import { parseSetupSource } from '../../src/parse/setup/parse-setup.js';
import { RULES } from '../../src/rules/index.js';
import { KEYS } from '../fixtures/keys.js';

const config = defaultConfig();
const context = { version: config.opensshVersion, policy: config.policy, now: 1_700_000_000 };

const parse = (kind: SetupKind, text: string, path = 'roles/web/tasks/main.yml') => parseSetupSource(createSourceFile(path, text), kind);
async function findings(kind: SetupKind, text: string) {
  const { findings } = await lintSetupSource(createSourceFile('host.yml', text), kind, buildRuleSet(RULES, config), context);
  return findings.map((finding) => ({ alias: finding.alias, line: finding.line, column: finding.column }));
}

describe('Ansible', () => {
  it('checks an authorized_key key as authorized_keys lines, at its place in the playbook', async () => {
    const text = `- hosts: all\n  tasks:\n    - ansible.posix.authorized_key:\n        user: deploy\n        key: "${KEYS.rsa1024} old"\n`;
    expect(await findings('ansible', text)).toContainEqual({ alias: 'key-rsa-weak', line: 5, column: 15 });
    const model = parse('ansible', text);
    expect(model.installations).toMatchObject([{ user: 'deploy', exclusive: false, keys: { document: { kind: 'authorized_keys', fragment: true } } }]);
  });

  it('puts key_options before each key, mapping option findings to key_options and key findings to the key', async () => {
    const text = `- authorized_key:\n    user: ci\n    exclusive: yes\n    key_options: 'from="10.0.0.0/33"'\n    key: |\n      ${KEYS.rsa1024}\n`;
    const found = await findings('ansible', text);
    expect(found).toContainEqual({ alias: 'key-rsa-weak', line: 6, column: 7 });
    expect(found.find((finding) => finding.alias === 'invalid-from-pattern')).toMatchObject({ line: 4 });
    expect(parse('ansible', text).installations[0]).toMatchObject({ exclusive: true, keys: { document: { fragment: false } } });
  });

  it('leaves templated keys unknown, resolves lookup(file) in a role, skips state: absent', () => {
    const model = parse(
      'ansible',
      [
        '- authorized_key: user={{ user }} key="{{ item }}"',
        '  loop: "{{ keys }}"',
        "- authorized_key: { user: a, key: \"{{ lookup('file', 'deploy.pub') }}\" }",
        '- authorized_key: { user: a, key: https://github.com/a.keys }',
        `- authorized_key: { user: a, key: "${KEYS.ed25519}", state: absent }`,
      ].join('\n'),
    );
    expect(model.embedded).toEqual([]);
    expect(model.installations.map((installation) => installation.keys)).toEqual([
      { unknown: '{{ item }}' },
      { file: 'roles/web/files/deploy.pub' },
      { unknown: 'https://github.com/a.keys' },
    ]);
    expect(model.installations[0]!.user).toBeUndefined();
  });

  it('judges lineinfile lines on sshd_config as a fragment of it; templated lines say nothing', async () => {
    const text = [
      '- lineinfile:',
      '    path: /etc/ssh/sshd_config.d/10-root.conf',
      '    line: PermitRootLogin yes',
      '- lineinfile: { dest: /etc/ssh/sshd_config, line: "AllowUsers {{ users }}" }',
      '- blockinfile:',
      '    path: /etc/ssh/sshd_config',
      '    block: |',
      '      Match User backup',
      '        PasswordAuthentication yes',
    ].join('\n');
    const found = await findings('ansible', text);
    expect(found).toContainEqual({ alias: 'permit-root-login', line: 3, column: 27 });
    expect(found.filter((finding) => finding.alias === 'unknown-keyword')).toEqual([]);
    expect(parse('ansible', text).embedded.map((document) => [document.kind, document.fragment])).toEqual([
      ['sshd_config', true],
      ['sshd_config', true],
    ]);
  });

  it('records modes, copies to authorized_keys and role files', () => {
    const model = parse('ansible', '- copy:\n    src: keys/deploy.pub\n    dest: /home/deploy/.ssh/authorized_keys\n    mode: 0600\n');
    expect(model.modes).toMatchObject([{ target: '/home/deploy/.ssh/authorized_keys', mode: 0o600, written: '0600', recursive: false }]);
    expect(model.installations).toMatchObject([{ user: 'deploy', exclusive: true, keys: { file: 'roles/web/files/keys/deploy.pub' } }]);
  });
});

describe('cloud-init', () => {
  it('checks each ssh_authorized_keys item as a line and installs it for its user', async () => {
    const text = `#cloud-config\nusers:\n  - default\n  - name: ops\n    ssh_authorized_keys:\n      - ${KEYS.ed25519} ok\n      - "${KEYS.rsa1024}"\n      - \${extra_key}\n`;
    expect(await findings('cloud_init', text)).toEqual([{ alias: 'key-rsa-weak', line: 7, column: 10 }]);
    expect(parse('cloud_init', text).installations.map((installation) => [installation.user, Object.keys(installation.keys)[0]])).toEqual([
      ['ops', 'document'],
      ['ops', 'unknown'],
    ]);
  });

  it('checks write_files of SSH files and host public keys', async () => {
    const text = `#cloud-config\nssh_keys:\n  ed25519_public: ${KEYS.rsa1024}\nwrite_files:\n  - path: /etc/ssh/sshd_config.d/50-x.conf\n    content: |\n      PermitRootLogin yes\n`;
    const found = await findings('cloud_init', text);
    expect(found).toContainEqual({ alias: 'permit-root-login', line: 7, column: 23 });
    expect(found.some((finding) => finding.alias === 'key-rsa-weak' && finding.line === 3)).toBe(true);
  });

  it('leaves placeholders unknown', async () => {
    const text = '#cloud-config\nssh_authorized_keys:\n  - <ssh pub key 1>\n  - ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAGEA3FSyQwBI6Z ... user\n';
    expect(await findings('cloud_init', text)).toEqual([]);
    expect(parse('cloud_init', text).installations).toMatchObject([{ keys: { unknown: 'ssh_authorized_keys' } }]);
  });

  it('reads nothing without the #cloud-config header', () => {
    expect(parse('cloud_init', `users:\n  - name: a\n    ssh_authorized_keys: ["${KEYS.rsa1024}"]\n`, 'user-data').installations).toEqual([]);
  });
});

describe('Terraform', () => {
  it('checks literal public keys and Google ssh-keys metadata, skips expressions', async () => {
    const text = [
      'resource "aws_key_pair" "a" {',
      `  public_key = "${KEYS.rsa1024}"`,
      '}',
      'resource "aws_key_pair" "b" { public_key = file("~/.ssh/id.pub") }',
      'resource "aws_key_pair" "c" {',
      '  public_key = "${var.key}"',
      '}',
      '/*',
      `  public_key = "${KEYS.rsa1024}"`,
      '*/',
      'metadata = {',
      `  ssh-keys = "admin:${KEYS.rsa1024}"`,
      '}',
    ].join('\n');
    const found = await findings('terraform', text);
    expect(found.filter((finding) => finding.alias === 'key-rsa-weak')).toEqual([
      { alias: 'key-rsa-weak', line: 2, column: 17 },
      { alias: 'key-rsa-weak', line: 12, column: 21 },
    ]);
    expect(parse('terraform', text, 'main.tf').installations).toMatchObject([{ user: 'admin' }]);
  });
});

describe('detection', () => {
  it.each([
    ['roles/web/tasks/main.yml', 'ansible'],
    ['tasks/ssh/default.yml', 'ansible'],
    ['roles/web/handlers/main.yaml', 'ansible'],
    ['playbooks/site.yml', 'ansible'],
    ['deploy.ansible.yml', 'ansible'],
    ['server/user-data', 'cloud_init'],
    ['cloud-init.yaml', 'cloud_init'],
    ['base.cloud-config', 'cloud_init'],
    ['infra/main.tf', 'terraform'],
    ['roles/web/defaults/main.yml', undefined],
    ['docker-compose.yml', undefined],
  ])('%s by path', (path, kind) => {
    expect(kindFromPath(path)).toBe(kind);
  });

  it.each([
    ['#cloud-config\nusers: []\n', 'cloud_init'],
    ['## template: jinja\n#cloud-config\n', 'cloud_init'],
    ['#cloud-config-archive\n- type: x\n', undefined],
    ['---\n- name: Site\n  hosts: all\n  tasks: []\n', 'ansible'],
    ['- hosts: web\n  roles: [a]\n', 'ansible'],
    ['services:\n  web:\n    image: x\n', undefined],
    ['- name: a list\n  value: 1\n', undefined],
  ])('%j by content', (head, kind) => {
    expect(setupKindFromContent(head)).toBe(kind);
  });
});
