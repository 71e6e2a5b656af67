import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { mapValue, nodeSpan, parseYamlSource } from '../../parse/setup/yaml-source.js';
import { defineSetupRule, quote, type RuleHit } from '../rule.js';

/** Actions built on appleboy/easyssh-proxy: without a fingerprint they accept any host key (InsecureIgnoreHostKey). */
const FINGERPRINT_ACTIONS = /^appleboy\/(?:ssh|scp)-action@/i;

/** An input the step gives: any value counts, `${{ secrets.FINGERPRINT }}` included. */
function given(inputs: Node | undefined, name: string): boolean {
  const value = mapValue(inputs, name);
  return value !== undefined && !(isScalar(value) && (value.value === null || value.value === ''));
}

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
    const yaml = parseYamlSource(model.source);
    for (const document of yaml.documents) {
      const jobs = mapValue(document.contents, 'jobs');
      for (const job of isMap(jobs) ? jobs.items : []) {
        const steps = mapValue(job.value, 'steps');
        for (const step of isSeq(steps) ? steps.items : []) {
          const uses = mapValue(step, 'uses');
          if (!isScalar(uses) || typeof uses.value !== 'string' || !FINGERPRINT_ACTIONS.test(uses.value)) continue;
          const inputs = mapValue(step, 'with');
          const missing = [given(inputs, 'fingerprint') ? undefined : 'fingerprint', given(inputs, 'proxy_host') && !given(inputs, 'proxy_fingerprint') ? 'proxy_fingerprint' : undefined].filter((name) => name !== undefined);
          if (missing.length === 0) continue;
          hits.push({
            ...nodeSpan(yaml, uses),
            message: `${quote(uses.value)} without ${missing.map((name) => `\`${name}\``).join(' or ')} accepts any host key: a server that impersonates the host receives the session and its credentials.`,
            help: 'Add `fingerprint:` (and `proxy_fingerprint:` with a proxy) holding the server\'s SHA256 host key fingerprint, kept in a secret or variable.',
          });
        }
      }
    }
    return hits;
  },
});
