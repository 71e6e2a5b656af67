import rule from '../../src/rules/setup-code/key-copied-into-image.js';
import { setupRuleTable } from './setup-rule-tester.js';

setupRuleTable(rule, {
  valid: [
    { name: 'public keys and config', text: 'FROM alpine\nCOPY authorized_keys /root/.ssh/authorized_keys\nCOPY id_ed25519.pub known_hosts /root/.ssh/\nCOPY ssh_config /etc/ssh/ssh_config' },
    { name: 'BuildKit ssh mount', text: 'FROM alpine\nRUN --mount=type=ssh git clone git@github.com:example/private.git' },
    { name: 'copy from another stage', text: 'FROM alpine AS keys\nFROM alpine\nCOPY --from=keys /out/server.pem /app/' },
    { name: 'application files', text: 'FROM node\nCOPY . /app\nCOPY package.json keymap.json /app/' },
    { name: 'exec-form COPY is not judged by name alone', text: 'FROM alpine\nCOPY ["app", "/app"]' },
  ],
  invalid: [
    { name: 'id_rsa', text: 'FROM alpine\nCOPY id_rsa /root/.ssh/id_rsa', hits: [{ line: 2, column: 6, endColumn: 12 }] },
    { name: 'a .ssh directory', text: 'FROM alpine\nCOPY --chown=app:app .ssh/ /home/app/.ssh/', hits: [{ line: 2, column: 22 }] },
    { name: 'ADD of a pem among others', text: 'FROM alpine\nADD app.tar deploy.pem /srv/', hits: [{ line: 2, column: 13 }] },
    { name: 'host keys baked in', text: 'FROM debian\nCOPY keys/ssh_host_ed25519_key /etc/ssh/', hits: [{ line: 2 }] },
    { name: 'continued instruction', text: 'FROM alpine\nCOPY \\\n  deploy_key \\\n  /root/.ssh/', hits: [{ line: 3, column: 3 }] },
  ],
});
