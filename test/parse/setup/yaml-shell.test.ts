import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import type { SetupKind } from '../../../src/core/file-kind.js';
import { createSourceFile } from '../../../src/core/source.js';
import { lintSetupSource } from '../../../src/engine/lint-setup.js';
import { buildRuleSet } from '../../../src/engine/rule-set.js';
import { parseSetupSource } from '../../../src/parse/setup/parse-setup.js';
import { RULES } from '../../../src/rules/index.js';
import type { RuleContext } from '../../../src/rules/rule.js';

const config = defaultConfig();
const context: RuleContext = { version: config.opensshVersion, policy: config.policy, now: 1_700_000_000 };
const ruleSet = buildRuleSet(RULES, config);
const NAMES: Partial<Record<SetupKind, string>> = { ansible: 'playbook.yml', cloud_init: 'user-data', terraform: 'main.tf' };

/** Each command's words, `?` for an unknown value, `@line:column` of the first word. */
function commands(kind: SetupKind, text: string): string[] {
  return parseSetupSource(createSourceFile(NAMES[kind]!, text), kind).commands.map(
    (command) => `${command.words.map((word) => word.value ?? '?').join(' ')}@${command.words[0]?.span.line}:${command.words[0]?.span.column}`,
  );
}

async function findings(kind: SetupKind, text: string): Promise<string[]> {
  const { findings } = await lintSetupSource(createSourceFile(NAMES[kind]!, text), kind, ruleSet, context);
  return findings.map((finding) => `${finding.alias}@${finding.line}:${finding.column}`);
}

describe('Ansible shell, command and raw tasks', () => {
  it('lexes free-form, cmd: and argv: forms at their places in the playbook', () => {
    const playbook = [
      '- hosts: all',
      '  tasks:',
      '    - shell: ssh-keyscan example.com >> ~/.ssh/known_hosts chdir=/tmp',
      '    - ansible.builtin.shell:',
      '        cmd: |',
      '          mkdir -p ~/.ssh',
      '          chmod 700 ~/.ssh',
      '    - raw: "chmod 600 ~/.ssh/id_ed25519"',
      '    - command:',
      '        argv: [ssh, -o, "BatchMode=yes", host]',
    ].join('\n');
    expect(commands('ansible', playbook)).toEqual([
      'ssh-keyscan example.com@3:14',
      'mkdir -p ~/.ssh@6:11',
      'chmod 700 ~/.ssh@7:11',
      'chmod 600 ~/.ssh/id_ed25519@8:13',
      'ssh -o BatchMode=yes host@10:16',
    ]);
  });

  it('makes words touching Jinja unknown', () => {
    expect(commands('ansible', '- shell: "ssh -o {{ opt }} {{ host }} true"')).toEqual(['ssh -o ? ? true@1:11']);
  });

  it('leaves a command: line that needs a shell, and a non-POSIX executable, unread', () => {
    const playbook = [
      '- command: ssh-keyscan host >> /root/.ssh/known_hosts',
      '- shell: chmod 777 ~/.ssh',
      '  args:',
      '    executable: /usr/bin/fish',
      '- command: bash -c "chmod 600 ~/.ssh/config"',
    ].join('\n');
    expect(commands('ansible', playbook)).toEqual(['bash -c chmod 600 ~/.ssh/config@5:12', 'chmod 600 ~/.ssh/config@5:21']);
  });

  it('judges what the commands write and the ssh options they pass, on the playbook lines', async () => {
    const playbook = [
      '- name: configure',
      '  shell: |',
      '    cat > /etc/ssh/sshd_config.d/10-x.conf <<EOF',
      '    PermitRootLogin yes',
      '    EOF',
      '    ssh -o StrictHostKeyChecking=no deploy@host true',
      '    chmod 777 /home/deploy/.ssh',
    ].join('\n');
    expect(await findings('ansible', playbook)).toEqual(['ssh-permissions-refused@7:15', 'permit-root-login@4:21', 'strict-host-key-checking-off@6:34']);
  });
});

describe('cloud-init runcmd and bootcmd', () => {
  it('reads string items as one script and list items as argument vectors', () => {
    const userData = [
      '#cloud-config',
      'bootcmd:',
      '  - [ sh, -c, "chmod 700 /root/.ssh" ]',
      'runcmd:',
      '  - cat >> /root/.ssh/authorized_keys <<EOF',
      '  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ci',
      '  - EOF',
      '  - [ ssh-keyscan, "{{ host }}" ]',
    ].join('\n');
    expect(commands('cloud_init', userData)).toEqual(['sh -c chmod 700 /root/.ssh@3:7', 'chmod 700 /root/.ssh@3:16', 'cat@5:5', 'ssh-keyscan ?@8:7']);
    const model = parseSetupSource(createSourceFile('user-data', userData), 'cloud_init');
    expect(model.installations).toMatchObject([{ target: '/root/.ssh/authorized_keys', exclusive: false, keys: { document: { origins: [{ line: 6, columnOffset: 4 }] } } }]);
  });

  it('judges what runcmd writes, on the user-data lines', async () => {
    const userData = ['#cloud-config', 'runcmd:', '  - ssh-keyscan github.com >> /root/.ssh/known_hosts', '  - |', '    echo "PasswordAuthentication yes" >> /etc/ssh/sshd_config'].join('\n');
    expect(await findings('cloud_init', userData)).toEqual(['keyscan-without-verification@3:5', 'password-authentication@5:34']);
  });

  it('says nothing about commands of a file that is not cloud-config', () => {
    expect(commands('cloud_init', 'runcmd:\n  - chmod 777 /root/.ssh')).toEqual([]);
  });
});

describe('cloud-init user data in Terraform', () => {
  const instance = (body: string[], marker = '<<-EOF', end = '  EOF') => ['resource "aws_instance" "web" {', `  user_data = ${marker}`, ...body, end, '}'].join('\n');

  it('is linted as cloud-init, with findings on the Terraform lines', async () => {
    const tf = instance([
      '    #cloud-config',
      '    ssh_pwauth: true',
      '    runcmd:',
      "      - ssh-keyscan '${var.host}' >> /root/.ssh/known_hosts",
      '      - chmod 777 /root/.ssh',
      '    write_files:',
      '      - path: /etc/ssh/sshd_config.d/10-x.conf',
      '        content: |',
      '          PermitRootLogin yes',
    ]);
    expect(await findings('terraform', tf)).toEqual(['keyscan-without-verification@6:9', 'ssh-permissions-refused@7:19', 'cloud-init-password-auth@4:17', 'permit-root-login@11:27']);
    const nested = parseSetupSource(createSourceFile('main.tf', tf), 'terraform').nested;
    expect(nested.map((setup) => setup.model.kind)).toEqual(['cloud_init']);
    expect(nested[0]!.model.commands[0]!.words.map((word) => word.value)).toEqual(['ssh-keyscan', undefined]);
  });

  it('reads Google metadata user-data in a plain heredoc', async () => {
    const tf = ['resource "google_compute_instance" "vm" {', '  metadata = {', '    user-data = <<EOT', '#cloud-config', 'disable_root: false', 'EOT', '  }', '}'].join('\n');
    expect(await findings('terraform', tf)).toEqual(['cloud-init-root-login@5:15']);
  });

  it.each([
    ['a template directive decides which lines exist', instance(['    #cloud-config', '    %{ if var.debug }', '    ssh_pwauth: true', '    %{ endif }'])],
    ['an interpolated value is unknown', instance(['    #cloud-config', '    ssh_pwauth: ${var.pwauth}', '    disable_root: ${var.root}'])],
    ['not cloud-config (a shell script)', instance(['    #!/bin/sh', '    chmod 777 /root/.ssh'])],
    ['base64 user data', ['resource "aws_instance" "web" {', '  user_data_base64 = <<EOF', '#cloud-config', 'ssh_pwauth: true', 'EOF', '}'].join('\n')],
  ])('says nothing when %s', async (_name, tf) => {
    expect(await findings('terraform', tf)).toEqual([]);
  });
});
