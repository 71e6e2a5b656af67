import { defineEngineRule } from '../rule.js';

export default defineEngineRule({
  id: 'SSH002',
  alias: 'unused-suppression',
  kinds: ['authorized_keys', 'known_hosts', 'public_key', 'sshd_config', 'ssh_config'],
  category: 'hygiene',
  severity: 'warning',
  docs: {
    summary: 'An inline `sshlint-disable` comment suppresses nothing or names no rule.',
    what: 'A `# sshlint-disable-next-line RULE` or `# sshlint-disable-file RULE` comment that did not suppress any finding, or that names a rule id or alias sshlint does not have.',
    why: 'A stale suppression hides the next real problem on that line, and a misspelt rule name suppresses nothing while looking as if it did.',
    bad: '# sshlint-disable-next-line SSH999\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop',
    good: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop',
    references: ['ESLint --report-unused-disable-directives'],
  },
});
