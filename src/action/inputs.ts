/** The Action's inputs (action.yml), read and checked once: a bad value is a UsageError, never a finding. */
import type { FailOn } from '../cli/arguments.js';
import { SEVERITIES } from '../core/finding.js';
import { UsageError } from '../discover/errors.js';

/** `auto`, or forced on/off. */
export type Tristate = 'auto' | boolean;

export interface ActionInputs {
  /** Relative to GITHUB_WORKSPACE. */
  paths: string[];
  /** Relative to GITHUB_WORKSPACE; undefined: discovery (.sshlint.yml, .github/sshlint.yml). */
  config?: string;
  failOn: FailOn;
  onlyChanged: Tristate;
  annotations: boolean;
  checkRun: Tristate;
  /** Relative to GITHUB_WORKSPACE; undefined: no SARIF file. */
  sarifFile?: string;
  /** Empty: no API calls (no check run; changed files from git). */
  token: string;
}

/** `name` → the raw value, as @actions/core's getInput gives it (trimmed, '' when unset). */
export type InputReader = (name: string) => string;

export function readInputs(input: InputReader): ActionInputs {
  const paths = (input('paths') || '.').split(/\s+/).filter((p) => p !== '');
  const failOn = input('fail-on') || 'error';
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`input fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}, got ${JSON.stringify(failOn)}`);
  }
  const inputs: ActionInputs = {
    paths: paths.length > 0 ? paths : ['.'],
    failOn: failOn as FailOn,
    onlyChanged: tristate(input, 'only-changed'),
    annotations: boolean(input, 'annotations', true),
    checkRun: tristate(input, 'check-run'),
    token: input('github-token'),
  };
  const config = input('config');
  if (config !== '') inputs.config = config;
  const sarifFile = input('sarif-file');
  if (sarifFile !== '') inputs.sarifFile = sarifFile;
  if (inputs.checkRun === true && inputs.token === '') {
    throw new UsageError('input check-run is true but github-token is empty: a check run needs a token');
  }
  return inputs;
}

/** The YAML 1.2 core-schema booleans @actions/core's getBooleanInput accepts. */
function parseBoolean(value: string): boolean | undefined {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  return undefined;
}

function boolean(input: InputReader, name: string, fallback: boolean): boolean {
  const raw = input(name);
  if (raw === '') return fallback;
  const value = parseBoolean(raw);
  if (value === undefined) throw new UsageError(`input ${name} must be true or false, got ${JSON.stringify(raw)}`);
  return value;
}

function tristate(input: InputReader, name: string): Tristate {
  const raw = input(name);
  if (raw === '' || raw.toLowerCase() === 'auto') return 'auto';
  const value = parseBoolean(raw);
  if (value === undefined) throw new UsageError(`input ${name} must be auto, true or false, got ${JSON.stringify(raw)}`);
  return value;
}
