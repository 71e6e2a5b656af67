import rule from '../../src/rules/setup-code/action-host-key-unverified.js';
import { setupRuleTable } from './setup-rule-tester.js';

const step = (uses: string, inputs: string[]) => ['jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:', `      - uses: ${uses}`, '        with:', ...inputs.map((input) => `          ${input}`)].join('\n');

setupRuleTable(rule, {
  valid: [
    { name: 'fingerprint from a secret', text: step('appleboy/scp-action@v0.1.7', ['host: h', 'fingerprint: ${{ secrets.FP }}', 'source: dist', 'target: /srv']) },
    { name: 'proxy with both fingerprints', text: step('appleboy/ssh-action@v1.0.3', ['host: h', 'fingerprint: SHA256:abc', 'proxy_host: bastion', 'proxy_fingerprint: SHA256:def']) },
    { name: 'another action', text: step('webfactory/ssh-agent@v0.9.0', ['ssh-private-key: ${{ secrets.K }}']) },
  ],
  invalid: [
    { name: 'no fingerprint', text: step('appleboy/ssh-action@master', ['host: h', 'script: uptime']), hits: [{ line: 5, column: 15, message: '`fingerprint`' }] },
    { name: 'empty fingerprint', text: step('appleboy/scp-action@v0.1.7', ['host: h', "fingerprint: ''"]), hits: [{ line: 5 }] },
    { name: 'proxy without its fingerprint', text: step('appleboy/ssh-action@v1', ['host: h', 'fingerprint: SHA256:abc', 'proxy_host: bastion']), hits: [{ line: 5, message: '`proxy_fingerprint`' }] },
    { name: 'no inputs at all', text: ['jobs:', '  d:', '    steps:', '      - uses: appleboy/ssh-action@v1'].join('\n'), hits: [{ line: 4 }] },
  ],
});
