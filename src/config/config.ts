/**
 * `.sshlint.yml` (or `.github/sshlint.yml`, or `--config FILE`):
 *
 *   opensshVersion: "9.2"          # target sshd/ssh release
 *   rules:                         # by id or alias: off | on | error | warning | note
 *     SSH123: on
 *     key-rsa-weak: error
 *   ignore: ["vendor/**"]          # gitignore-style paths
 *   policy:
 *     minRsaBits: 3072
 *
 * Anything unknown is an error: a typo must not silently turn a check off.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SEVERITIES, type Severity } from '../core/finding.js';
import { NEWEST_KNOWN_VERSION, OLDEST_KNOWN_VERSION, formatVersion, parseVersion, type OpenSSHVersion } from '../core/version.js';
import { isRelease } from '../openssh/releases.js';
import { DEFAULT_POLICY, type Policy } from '../rules/rule.js';

export class ConfigError extends Error {}

export type RuleSetting = 'off' | 'on' | Severity;

export interface Config {
  /** Where it came from, for messages (undefined: defaults). */
  file?: string;
  opensshVersion: OpenSSHVersion;
  /** Rule name (id or alias, as written) → setting. */
  rules: Record<string, RuleSetting>;
  ignore: string[];
  policy: Policy;
}

export const CONFIG_FILE_NAMES = ['.sshlint.yml', '.sshlint.yaml', '.github/sshlint.yml', '.github/sshlint.yaml'];

export function defaultConfig(): Config {
  return { opensshVersion: NEWEST_KNOWN_VERSION, rules: {}, ignore: [], policy: { ...DEFAULT_POLICY } };
}

/** The explicit `--config` file, else the first conventional file in `root`, else defaults. */
export function loadConfig(root: string, explicit?: string): Config {
  const file = explicit ?? CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
  if (!file) return defaultConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as Error).message}`);
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): Config {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const config = defaultConfig();
  config.file = file;
  if (data === null || data === undefined) return config;
  if (!isRecord(data)) throw new ConfigError(`${file}: expected a mapping at the top level`);
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case 'opensshVersion':
        config.opensshVersion = readVersion(file, value);
        break;
      case 'rules':
        config.rules = readRules(file, value);
        break;
      case 'ignore':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
          throw new ConfigError(`${file}: "ignore" must be a list of path patterns`);
        }
        config.ignore = value;
        break;
      case 'policy':
        config.policy = readPolicy(file, value);
        break;
      default:
        throw new ConfigError(`${file}: unknown setting "${key}" (expected opensshVersion, rules, ignore, policy)`);
    }
  }
  return config;
}

export function readVersion(source: string, value: unknown): OpenSSHVersion {
  const version = typeof value === 'string' || typeof value === 'number' ? parseVersion(String(value)) : undefined;
  if (!version) throw new ConfigError(`${source}: OpenSSH version must look like "9.2", got ${JSON.stringify(value)}`);
  if (!isRelease(formatVersion(version))) {
    throw new ConfigError(
      `${source}: OpenSSH ${formatVersion(version)} is not a release sshlint knows (${formatVersion(OLDEST_KNOWN_VERSION)} to ${formatVersion(NEWEST_KNOWN_VERSION)})`,
    );
  }
  return version;
}

function readRules(file: string, value: unknown): Record<string, RuleSetting> {
  if (!isRecord(value)) throw new ConfigError(`${file}: "rules" must map rule ids or aliases to off, on, error, warning or note`);
  const settings: Record<string, RuleSetting> = {};
  for (const [name, setting] of Object.entries(value)) {
    const normalized = setting === false ? 'off' : setting === true ? 'on' : setting;
    if (normalized !== 'off' && normalized !== 'on' && !(SEVERITIES as readonly unknown[]).includes(normalized)) {
      throw new ConfigError(`${file}: rule "${name}": expected off, on, error, warning or note, got ${JSON.stringify(setting)}`);
    }
    settings[name] = normalized as RuleSetting;
  }
  return settings;
}

function readPolicy(file: string, value: unknown): Policy {
  if (!isRecord(value)) throw new ConfigError(`${file}: "policy" must be a mapping`);
  const policy = { ...DEFAULT_POLICY };
  for (const [key, setting] of Object.entries(value)) {
    if (key !== 'minRsaBits') throw new ConfigError(`${file}: unknown policy "${key}" (expected minRsaBits)`);
    if (typeof setting !== 'number' || !Number.isInteger(setting) || setting < 1024 || setting > 16384) {
      throw new ConfigError(`${file}: policy.minRsaBits must be a whole number from 1024 to 16384`);
    }
    policy.minRsaBits = setting;
  }
  return policy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
