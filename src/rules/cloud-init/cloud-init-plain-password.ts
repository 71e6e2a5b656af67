import { isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../../core/finding.js';
import type { SourceFile } from '../../core/source.js';
import { literalString, mapValue, nodeSpan, scalarText, type YamlSource } from '../../parse/setup/yaml-source.js';
import { defineSetupRule, quote, type RuleHit } from '../rule.js';

/** cloud-init's own test for a crypt hash (cc_set_passwords): anything else in `chpasswd` is a plain password. */
const CRYPT_HASH = /^\$(?:1|2a|2y|5|6)(?:\$.+){2}$/;
const RANDOM = /^(?:R|RANDOM)$/;

interface PlainPassword {
  span: Span;
  user: string;
}

/** `users[].plain_text_passwd`, `chpasswd.users[]` with `type: text`, `chpasswd.list` lines that are no hash, top-level `password`. */
function plainPasswords(yaml: YamlSource, source: SourceFile, config: Node): PlainPassword[] {
  const found: PlainPassword[] = [];
  const at = (node: Node | undefined) => nodeSpan(yaml, node!);
  const users = mapValue(config, 'users');
  for (const user of isSeq(users) ? users.items : []) {
    const password = mapValue(user, 'plain_text_passwd');
    if (literalString(password)) found.push({ span: at(password), user: literalString(mapValue(user, 'name')) ?? 'a user' });
  }
  const defaultPassword = mapValue(config, 'password');
  if (literalString(defaultPassword)) found.push({ span: at(defaultPassword), user: 'the default user' });
  const chpasswd = mapValue(config, 'chpasswd');
  const listed = mapValue(chpasswd, 'users');
  for (const entry of isSeq(listed) ? listed.items : []) {
    const password = mapValue(entry, 'password');
    if (literalString(mapValue(entry, 'type')) === 'text' && literalString(password)) found.push({ span: at(password), user: literalString(mapValue(entry, 'name')) ?? 'a user' });
  }
  const list = mapValue(chpasswd, 'list');
  const lines = isSeq(list) ? list.items : isScalar(list) ? [list] : [];
  for (const item of lines) {
    const text = isScalar(item) && literalString(item) !== undefined ? scalarText(yaml, source, item) : undefined;
    text?.text.split('\n').forEach((line, index) => {
      const colon = line.indexOf(':');
      const password = line.slice(colon + 1).trim();
      if (colon <= 0 || password === '' || CRYPT_HASH.test(password) || RANDOM.test(password)) return;
      const origin = text.origins[index]!;
      found.push({ span: { line: origin.line, column: origin.columnOffset + line.indexOf(password, colon) + 1 }, user: line.slice(0, colon).trim() });
    });
  }
  return found;
}

export default defineSetupRule({
  id: 'SSH535',
  alias: 'cloud-init-plain-password',
  kinds: ['cloud_init'],
  category: 'secret-exposure',
  severity: 'warning',
  docs: {
    summary: 'cloud-init user data sets a plain-text password.',
    what: 'A password written in clear in cloud-init user data: `plain_text_passwd` of a user, `chpasswd` `list` lines (`user:password`) that are not crypt hashes or `RANDOM`, `chpasswd` `users` entries with `type: text`, and the default user\'s top-level `password`. Templated values are not reported. The password itself is never printed.',
    why: 'User data is stored in the repository and, on most clouds, readable from inside the instance through the metadata service. A password that is also accepted over SSH (`ssh_pwauth: true`, or a console) is a credential anyone with the file can use. Use keys, or a crypt hash (`mkpasswd -m sha-512`) with `passwd`/`hashed_passwd`.',
    bad: '#cloud-config\nchpasswd:\n  list: |\n    root:hunter2\n  expire: false',
    good: '#cloud-config\nusers:\n  - name: admin\n    lock_passwd: true\n    ssh_authorized_keys:\n      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJbOMZSB4uDzS0+3oK0Zu7gSFvUNxyU1ZsFcumeEumEg admin@laptop',
    references: ['cloud-init cc_set_passwords (chpasswd, password)', 'cloud-init users and groups: plain_text_passwd', 'CWE-798: Use of Hard-coded Credentials'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    if (!model.cloudConfig) return hits;
    const { yaml, configs } = model.cloudConfig;
    for (const config of configs) {
      for (const { span, user } of plainPasswords(yaml, model.source, config)) {
        hits.push({
          ...span,
          message: `A plain-text password for ${quote(user)} is committed here; anyone who can read the user data can log in with it.`,
          help: 'Lock the password (`lock_passwd: true`) and use ssh_authorized_keys, or give a crypt hash (`mkpasswd -m sha-512`) in `passwd`.',
        });
      }
    }
    return hits;
  },
});
