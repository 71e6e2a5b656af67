import { defineSetupRule, type RuleHit } from '../rule.js';
import { wordHit } from './scope.js';

/** `-o ForwardAgent=yes` (or a socket path, 8.2+); `no` and an unknown value are not forwarding. */
const FORWARD_AGENT_ON = /^\s*forwardagent\s*(?:=\s*|\s+)(?!no\b|false\b)\S/i;

export default defineSetupRule({
  id: 'SSH504',
  alias: 'agent-forwarding-in-ci',
  kinds: ['workflow'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: 'A CI job forwards its ssh-agent (`ssh -A`, `-o ForwardAgent=yes`): the server it connects to can sign with the deploy key for the rest of the job.',
    what: 'An ssh (or scp, sftp, `GIT_SSH_COMMAND`, `rsync -e`) in a GitHub Actions workflow given `-A` or `-o ForwardAgent=…` other than `no`.',
    why: 'CI jobs typically load a deploy key into an agent (webfactory/ssh-agent, `ssh-add`). With forwarding, the remote host gets a socket to that agent: anyone with root there, or an attacker who got in, can use the key to reach everything else it opens (other servers, the repositories of a GitHub deploy or machine-user key) for as long as the job runs, without ever seeing the key. Jobs rarely need it: use `ProxyJump` (`-J`) to go through a bastion, and give the server its own read-only deploy key for pulls.',
    bad: 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh -A deploy@example.com ./deploy.sh',
    good: 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh -J bastion.example.com deploy@app.internal ./deploy.sh',
    references: ['ssh(1) -A, ssh_config(5) ForwardAgent ("should be enabled with caution")', 'Mozilla OpenSSH guidelines: ProxyJump instead of ForwardAgent'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    const message = 'This CI ssh forwards the job\'s ssh-agent: root on the server it reaches can use the loaded deploy key to log in elsewhere for as long as the job runs.';
    const help = 'Remove `-A`/`ForwardAgent`; reach hosts behind a bastion with `-J` (ProxyJump), and give servers their own deploy keys.';
    for (const invocation of model.invocations) {
      const option = invocation.options.find((candidate) => FORWARD_AGENT_ON.test(candidate.line));
      const word = invocation.forwardAgent ?? option?.word;
      if (word) hits.push(wordHit(word, message, help));
    }
    return hits;
  },
});
