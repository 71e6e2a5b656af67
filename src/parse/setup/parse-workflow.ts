/**
 * A GitHub Actions workflow: the `run:` scripts of its steps (bash or sh only), each job a scope of
 * its own, and `env:` at workflow, job and step level (a `GIT_SSH_COMMAND` set there reaches every
 * git the steps run). `${{ … }}` is substituted by the runner before the shell sees it, inside
 * quotes too, so any word touching one is unknown.
 */
import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import type { SourceFile } from '../../core/source.js';
import { emptySetupModel, type ActionStep, type SetupFileModel, type ShellCommand } from './setup-model.js';
import { addShellFacts } from './shell-facts.js';
import { shellCommands } from './shell/shell-commands.js';
import { maskMatches, shellText } from './shell/shell-text.js';
import { nodeSpan, parseYamlSource, scalarText, type YamlSource } from './yaml-source.js';
import { pushAll } from '../../core/collections.js';

export const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g;
/** `shell:` values whose scripts are POSIX shell (`bash {0}` and `sh -e {0}` included). */
const POSIX_SHELL = /^(?:bash|sh)\b/;

export function parseWorkflow(source: SourceFile): SetupFileModel {
  const model = emptySetupModel('workflow', source);
  const yaml = parseYamlSource(source);
  const commands: ShellCommand[] = [];
  const actionSteps: ActionStep[] = [];
  for (const document of yaml.documents) {
    const root = document.contents;
    if (!isMap(root)) continue;
    pushAll(commands, environment(yaml, source, root.get('env', true)));
    const workflowShell = defaultShell(root);
    const jobs = root.get('jobs', true);
    if (!isMap(jobs)) continue;
    for (const pair of jobs.items) {
      const job = pair.value;
      const scope = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (!isMap(job)) continue;
      pushAll(commands, environment(yaml, source, job.get('env', true), scope));
      const jobShell = defaultShell(job) ?? workflowShell;
      const steps = job.get('steps', true);
      if (!isSeq(steps)) continue;
      for (const step of steps.items) {
        if (!isMap(step)) continue;
        pushAll(commands, environment(yaml, source, step.get('env', true), scope));
        const uses = step.get('uses', true);
        if (isScalar(uses) && typeof uses.value === 'string') actionSteps.push({ uses: uses.value, span: nodeSpan(yaml, uses), inputs: givenInputs(step.get('with', true)) });
        const run = step.get('run', true);
        const shell = step.get('shell') ?? jobShell;
        if (!isScalar(run) || (typeof shell === 'string' && !POSIX_SHELL.test(shell))) continue;
        const script = scalarText(yaml, source, run as Scalar);
        if (script) pushAll(commands, shellCommands(shellText(script.text, script.origins, (text) => maskMatches(text, EXPRESSION)), scope));
      }
    }
  }
  addShellFacts(model, commands);
  model.actionSteps = actionSteps;
  return model;
}

/** The inputs of `with:` that have a value: any value counts, `${{ secrets.FINGERPRINT }}` included. */
function givenInputs(inputs: unknown): Set<string> {
  const values = new Map<string, unknown>();
  // A key written twice: the last value counts, as the runner reads it.
  for (const pair of isMap(inputs) ? inputs.items : []) if (isScalar(pair.key)) values.set(String(pair.key.value), pair.value);
  const given = [...values].filter(([, value]) => value != null && !(isScalar(value) && (value.value === null || value.value === '')));
  return new Set(given.map(([name]) => name));
}

function defaultShell(map: YAMLMap): unknown {
  const defaults = map.get('defaults');
  return isMap(defaults) && isMap(defaults.get('run')) ? (defaults.get('run') as YAMLMap).get('shell') : undefined;
}

/** An `env:` map as assignments (one assignment-only command per variable). */
function environment(yaml: YamlSource, source: SourceFile, env: unknown, scope?: string): ShellCommand[] {
  if (!isMap(env)) return [];
  const commands: ShellCommand[] = [];
  for (const pair of env.items) {
    const value = pair.value;
    if (!isScalar(pair.key) || !isScalar(value) || value.value === null || value.value === undefined) continue;
    const text = String(value.value);
    const raw = value.range ? source.text.slice(value.range[0], value.range[1]) : text;
    const word = { value: text.includes('${{') ? undefined : text, raw, text, span: nodeSpan(yaml, value) };
    const command: ShellCommand = { words: [], assignments: [{ name: String(pair.key.value), value: word }], redirects: [] };
    if (scope !== undefined) command.scope = scope;
    commands.push(command);
  }
  return commands;
}
