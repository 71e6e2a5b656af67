import rule from '../../src/rules/setup-code/keyscan-without-verification.js';
import { setupRuleTable } from './setup-rule-tester.js';

setupRuleTable(rule, {
  valid: [
    { name: 'pinned key from a secret', text: 'echo "$KNOWN_HOSTS" >> ~/.ssh/known_hosts' },
    { name: 'fingerprint checked with ssh-keygen -l', text: 'ssh-keyscan example.com > /tmp/k\nssh-keygen -lf /tmp/k | grep -q "SHA256:abc"\ncat /tmp/k >> ~/.ssh/known_hosts' },
    { name: 'scanned into a scratch file, not known_hosts', text: 'ssh-keyscan -p 2222 example.com >> keys.new' },
    { name: 'target hidden by a variable', text: 'ssh-keyscan example.com >> "$KNOWN_HOSTS_FILE"' },
    { name: 'compared with pinned keys', text: 'ssh-keyscan example.com > scanned\ndiff scanned pinned_known_hosts\ncat scanned >> ~/.ssh/known_hosts' },
    { name: 'commented out', text: '# ssh-keyscan example.com >> ~/.ssh/known_hosts' },
    { name: 'echo that mentions it', text: 'echo "ssh-keyscan example.com >> ~/.ssh/known_hosts"' },
  ],
  invalid: [
    { name: 'appended directly', text: 'mkdir -p ~/.ssh\nssh-keyscan -H github.com >> ~/.ssh/known_hosts', hits: [{ line: 2, column: 1, endColumn: 12, message: "'~/.ssh/known_hosts'" }] },
    { name: 'through sudo tee -a', text: 'ssh-keyscan example.com | sudo tee -a /root/.ssh/known_hosts > /dev/null', hits: [{ line: 1 }] },
    { name: 'through sort on the way', text: 'ssh-keyscan -t ed25519 a b 2>/dev/null | sort -u >> $HOME/.ssh/known_hosts', hits: [{ line: 1, message: '$HOME/.ssh/known_hosts' }] },
    { name: 'in an if block, with sudo', text: 'if true; then\n  sudo ssh-keyscan example.com >> /etc/ssh/ssh_known_hosts\nfi', hits: [{ line: 2, column: 8 }] },
    {
      name: 'workflow step; the fingerprint check of another job does not count',
      kind: 'workflow',
      text: [
        'jobs:',
        '  check:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: ssh-keygen -lf known_hosts',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          mkdir -p ~/.ssh',
        '          ssh-keyscan ${{ secrets.HOST }} >> ~/.ssh/known_hosts',
      ].join('\n'),
      hits: [{ line: 11, column: 11 }],
    },
    { name: 'Makefile recipe', kind: 'makefile', text: 'deploy:\n\t@ssh-keyscan $(HOST) >> ~/.ssh/known_hosts\n\trsync -a out/ $(HOST):/srv/', hits: [{ line: 2, column: 3 }] },
    { name: 'Ansible shell task', kind: 'ansible', text: '- hosts: all\n  tasks:\n    - shell: ssh-keyscan github.com >> /root/.ssh/known_hosts', hits: [{ line: 3, column: 14, message: 'trusted from then on.' }] },
    { name: 'cloud-init runcmd', kind: 'cloud_init', text: '#cloud-config\nruncmd:\n  - ssh-keyscan github.com >> /root/.ssh/known_hosts', hits: [{ line: 3, column: 5 }] },
    { name: 'Dockerfile RUN', kind: 'dockerfile', text: 'FROM alpine\nRUN mkdir -p /root/.ssh && \\\n    ssh-keyscan github.com >> /root/.ssh/known_hosts', hits: [{ line: 3, column: 5 }] },
  ],
});
