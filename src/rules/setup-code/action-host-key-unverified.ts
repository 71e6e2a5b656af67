import { defineSetupRule, quote, type RuleHit } from '../rule.js';

/** Actions built on appleboy/easyssh-proxy: without a fingerprint they accept any host key (InsecureIgnoreHostKey). */
const FINGERPRINT_ACTIONS = /^appleboy\/(?:ssh|scp)-action@/i;

export default defineSetupRule({
  id: 'SSH505',
  alias: 'action-host-key-unverified',
  kinds: ['workflow'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`appleboy/ssh-action` or `appleboy/scp-action` without `fingerprint`: the action accepts whatever host key the server (or an interceptor) presents.',
    what: 'A workflow step that uses `appleboy/ssh-action` or `appleboy/scp-action` without a `fingerprint` input, or with `proxy_host` but no `proxy_fingerprint`. Any value counts as given, a secret included.',
    why: 'These actions do not use ssh or known_hosts: they connect with a Go SSH client that, without `fingerprint`, skips host key verification ("fingerprint SHA256 of the host public key, default is to skip verification"). Whoever answers for the host name — a hijacked DNS record or network path — receives the deploy key\'s session, the script and any password. Pin the server\'s SHA256 host key fingerprint (`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the server) in a secret.',
    bad: 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: appleboy/ssh-action@v1\n        with:\n          host: example.com\n          username: deploy\n          key: ${{ secrets.DEPLOY_KEY }}\n          script: ./deploy.sh',
    good: 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: appleboy/ssh-action@v1\n        with:\n          host: example.com\n          username: deploy\n          key: ${{ secrets.DEPLOY_KEY }}\n          fingerprint: ${{ secrets.HOST_FINGERPRINT }}\n          script: ./deploy.sh',
    references: ['appleboy/ssh-action and appleboy/scp-action README: fingerprint, proxy_fingerprint', 'appleboy/drone-ssh: "fingerprint SHA256 of the host public key, default is to skip verification"'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    for (const step of model.actionSteps ?? []) {
      if (!FINGERPRINT_ACTIONS.test(step.uses)) continue;
      const given = (name: string): boolean => step.inputs.has(name);
      const missing = [given('fingerprint') ? undefined : 'fingerprint', given('proxy_host') && !given('proxy_fingerprint') ? 'proxy_fingerprint' : undefined].filter((name) => name !== undefined);
      if (missing.length === 0) continue;
      hits.push({
        ...step.span,
        message: `${quote(step.uses)} without ${missing.map((name) => `\`${name}\``).join(' or ')} accepts any host key: a server that impersonates the host receives the session and its credentials.`,
        help: 'Add `fingerprint:` (and `proxy_fingerprint:` with a proxy) holding the server\'s SHA256 host key fingerprint, kept in a secret or variable.',
      });
    }
    return hits;
  },
});
