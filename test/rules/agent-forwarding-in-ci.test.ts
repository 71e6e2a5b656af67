import rule from '../../src/rules/setup-code/agent-forwarding-in-ci.js';
import { setupRuleTable } from './setup-rule-tester.js';

const step = (run: string): string => `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

setupRuleTable(rule, {
  valid: [
    { name: 'plain ssh', text: step('ssh deploy@example.com ./deploy.sh') },
    { name: 'ProxyJump', text: step('ssh -J bastion deploy@app ./deploy.sh') },
    { name: 'ForwardAgent no', text: step('ssh -o ForwardAgent=no deploy@example.com true') },
    { name: 'value hidden by an expression', text: step('ssh -o "ForwardAgent=${{ inputs.fwd }}" deploy@example.com true') },
    { name: '-A as the remote command\'s argument', text: step('ssh deploy@example.com ls -A') },
    { name: 'not a POSIX shell step', text: 'jobs:\n  d:\n    steps:\n      - shell: pwsh\n        run: ssh -A host\n' },
  ],
  invalid: [
    { name: 'ssh -A', text: step('ssh -A deploy@example.com ./deploy.sh'), hits: [{ line: 5, column: 18, endColumn: 20 }] },
    { name: 'combined flags', text: step('ssh -At deploy@example.com ./deploy.sh'), hits: [{ line: 5 }] },
    { name: '-o ForwardAgent=yes', text: step('scp -o ForwardAgent=yes f deploy@example.com:/srv/'), hits: [{ line: 5, column: 21 }] },
    { name: 'GIT_SSH_COMMAND in env', text: 'env:\n  GIT_SSH_COMMAND: ssh -A -i key\njobs:\n  d:\n    steps:\n      - run: git push\n', hits: [{ line: 2, column: 24 }] },
    { name: 'rsync -e', text: step('rsync -az -e "ssh -A" out/ deploy@example.com:/srv/'), hits: [{ line: 5, column: 32 }] },
  ],
});
