/** Which rules run, at what severity: the registry filtered through the configuration. */
import type { Severity } from '../core/finding.js';
import { ConfigError, type Config } from '../config/config.js';
import type { Rule } from '../rules/rule.js';

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  /** The severity was set in the configuration (it then overrides a hit's own). */
  configured: boolean;
}

export interface RuleSet {
  enabled: EnabledRule[];
  /** Maps an id or alias (any case) to the rule id; undefined when no rule has that name. */
  resolve(name: string): string | undefined;
  byId(id: string): EnabledRule | undefined;
}

export function buildRuleSet(rules: readonly Rule[], config: Pick<Config, 'rules' | 'file'>): RuleSet {
  const names = new Map<string, Rule>();
  for (const rule of rules) {
    names.set(rule.id.toLowerCase(), rule);
    names.set(rule.alias.toLowerCase(), rule);
  }
  const resolve = (name: string): string | undefined => names.get(name.toLowerCase())?.id;
  const settings = new Map<string, Config['rules'][string]>();
  for (const [name, setting] of Object.entries(config.rules)) {
    const id = resolve(name);
    if (!id) throw new ConfigError(`${config.file ?? 'config'}: unknown rule "${name}" (see \`sshlint rules\`)`);
    settings.set(id, setting);
  }
  const enabled: EnabledRule[] = [];
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    if (setting === 'off') continue;
    if (setting === undefined && rule.enabledByDefault === false) continue;
    const configured = setting !== undefined && setting !== 'on';
    enabled.push({ rule, severity: configured ? (setting as Severity) : rule.severity, configured });
  }
  const byId = new Map(enabled.map((entry) => [entry.rule.id, entry]));
  return { enabled, resolve, byId: (id) => byId.get(id) };
}
