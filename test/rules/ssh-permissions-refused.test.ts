import rule from '../../src/rules/setup-code/ssh-permissions-refused.js';
import { setupRuleTable } from './setup-rule-tester.js';

setupRuleTable(rule, {
  valid: [
    { name: 'the usual modes', text: 'chmod 700 ~/.ssh\nchmod 600 ~/.ssh/authorized_keys ~/.ssh/id_ed25519\nchmod 755 ~' },
    { name: 'readable authorized_keys is fine', text: 'chmod 644 /home/deploy/.ssh/authorized_keys' },
    { name: 'removing write', text: 'chmod go-w ~ ~/.ssh ~/.ssh/authorized_keys' },
    { name: 'public key readable', text: 'chmod 644 ~/.ssh/id_ed25519.pub' },
    { name: 'unrelated path', text: 'chmod 777 /tmp/cache\nchmod -R 775 /srv/www' },
    { name: 'mode hidden by a variable', text: 'chmod "$MODE" ~/.ssh' },
    { name: 'mkdir -m 700', text: 'mkdir -p -m 700 /home/deploy/.ssh' },
    { name: 'umask-dependent +w', text: 'chmod +w ~/.ssh/config' },
    { name: 'install -m 600 of a key', text: 'install -m 600 deploy_key ~/.ssh/id_deploy' },
  ],
  invalid: [
    { name: 'world-writable home', text: 'chmod 777 /home/deploy', hits: [{ line: 1, column: 11, message: 'writable by everyone', severity: undefined }] },
    { name: 'group-writable .ssh (Debian exception)', text: 'chmod 775 ~/.ssh', hits: [{ line: 1, message: 'Debian', severity: 'warning' }] },
    { name: 'recursive g+w', text: 'sudo chmod -R g+w /home/deploy/.ssh', hits: [{ line: 1, message: "'-R g+w'" }] },
    { name: 'authorized_keys 666', text: 'chmod 666 /root/.ssh/authorized_keys', hits: [{ line: 1 }] },
    { name: 'install -m 664 authorized_keys', text: 'install -m 0664 keys.pub /home/git/.ssh/authorized_keys', hits: [{ line: 1, column: 26 }] },
    { name: 'mkdir -m 777', text: 'mkdir -m 777 -p $HOME/.ssh', hits: [{ line: 1 }] },
    { name: 'private key readable', text: 'chmod 644 ~/.ssh/id_rsa', hits: [{ line: 1, message: 'UNPROTECTED', severity: 'warning' }] },
    { name: 'Dockerfile COPY --chmod', kind: 'dockerfile', text: 'FROM alpine\nCOPY --chmod=666 authorized_keys /root/.ssh/authorized_keys', hits: [{ line: 2, column: 6 }] },
    { name: 'Makefile recipe', kind: 'makefile', text: 'install:\n\tchmod 0777 $(HOME)/.ssh/authorized_keys', hits: [{ line: 2 }] },
  ],
});
