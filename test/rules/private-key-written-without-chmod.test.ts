import rule from '../../src/rules/setup-code/private-key-written-without-chmod.js';
import { setupRuleTable } from './setup-rule-tester.js';

setupRuleTable(rule, {
  valid: [
    { name: 'Ansible tasks: written, then restricted by a later task', kind: 'ansible', text: '- shell: echo "{{ k }}" > /root/.ssh/id_rsa\n- file:\n    path: /root/.ssh/id_rsa\n    mode: "0600"' },
    { name: "Ansible mode \"0o600\" (Python's int(x, 8) reads it)", kind: 'ansible', text: '- shell: echo "{{ k }}" > /root/.ssh/id_rsa\n- file:\n    path: /root/.ssh/id_rsa\n    mode: "0o600"' },
    { name: 'chmod 600 after writing', text: 'echo "$SSH_KEY" > ~/.ssh/id_rsa\nchmod 600 ~/.ssh/id_rsa' },
    { name: 'chmod 400', text: 'printf "%s\\n" "$KEY" > deploy.pem && chmod 400 deploy.pem' },
    { name: 'symbolic go-rwx', text: 'echo "$KEY" > ~/.ssh/id_ed25519; chmod go-rwx ~/.ssh/id_ed25519' },
    { name: 'chmod by glob', text: 'echo "$KEY" > ~/.ssh/id_deploy\nchmod 600 ~/.ssh/id_*' },
    { name: 'chmod -R 700 on the directory', text: 'echo "$KEY" > ~/.ssh/id_rsa\nchmod -R 700 ~/.ssh' },
    { name: 'install -m 600 first', text: 'install -m 600 /dev/null ~/.ssh/id_rsa\necho "$KEY" > ~/.ssh/id_rsa' },
    { name: 'umask 077 first', text: 'umask 077\necho "$KEY" > ~/.ssh/id_rsa' },
    { name: 'public key', text: 'echo "$PUB" > ~/.ssh/id_rsa.pub' },
    { name: 'ssh-keygen -y derives a public key', text: 'ssh-keygen -y -f key > key.pem' },
    { name: 'not a key', text: 'echo "$CONFIG" > ~/.ssh/config' },
    { name: 'path hidden by a variable', text: 'echo "$KEY" > "$KEY_FILE"\nssh -i "$KEY_FILE" host true' },
    { name: 'copied from the repository (cp keeps the mode)', text: 'cp keys/deploy.pem /tmp/deploy.pem' },
    {
      name: 'workflow with chmod',
      kind: 'workflow',
      text: 'jobs:\n  d:\n    steps:\n      - run: |\n          echo "${{ secrets.SSH_PRIVATE_KEY }}" > ~/.ssh/deploy_key\n          chmod 600 ~/.ssh/deploy_key\n',
    },
  ],
  invalid: [
    { name: 'echo from a variable', text: 'mkdir -p ~/.ssh\necho "$SSH_KEY" > ~/.ssh/id_rsa', hits: [{ line: 2, column: 19, message: "'~/.ssh/id_rsa'" }] },
    { name: 'Ansible shell task with Jinja content', kind: 'ansible', text: '- shell: echo "{{ deploy_key }}" > /root/.ssh/id_ed25519', hits: [{ line: 1, column: 36 }] },
    { name: 'Ansible mode 600 unquoted is decimal 600 (0o1130), not owner-only', kind: 'ansible', text: '- shell: echo "{{ k }}" > /root/.ssh/id_rsa\n- file:\n    path: /root/.ssh/id_rsa\n    mode: 600', hits: [{ line: 1 }] },
    { name: 'chmod 644 is not enough', text: 'echo "$KEY" > ~/.ssh/id_ed25519\nchmod 644 ~/.ssh/id_ed25519', hits: [{ line: 1 }] },
    { name: 'base64 decoded', text: 'echo "$KEY_B64" | base64 -d > deploy.pem', hits: [{ line: 1 }] },
    { name: 'tee', text: 'echo "$KEY" | tee ~/.ssh/id_ecdsa >/dev/null', hits: [{ line: 1 }] },
    { name: 'any name, used with ssh -i', text: 'echo "$KEY" > /tmp/k\nssh -i /tmp/k deploy@example.com true', hits: [{ line: 1 }] },
    { name: 'any name, loaded with ssh-add', text: 'printf "%s" "$KEY" > /tmp/k && ssh-add /tmp/k', hits: [{ line: 1 }] },
    { name: 'heredoc with a secret', text: 'cat > ~/.ssh/id_rsa <<EOF\n$PRIVATE_KEY\nEOF', hits: [{ line: 1 }] },
    { name: 'umask 022 does not help', text: 'umask 022\necho "$KEY" > ~/.ssh/id_rsa', hits: [{ line: 2 }] },
    {
      name: 'workflow secret',
      kind: 'workflow',
      text: 'jobs:\n  d:\n    steps:\n      - run: |\n          echo "${{ secrets.SSH_PRIVATE_KEY }}" > ~/.ssh/id_rsa\n          ssh -i ~/.ssh/id_rsa host true\n',
      hits: [{ line: 5, column: 51 }],
    },
  ],
});
