/**
 * A repository's model and findings from the pipeline's own steps, with the setup facts given
 * directly (the setup parsers are tested on their own). `repo` holds the files on disk, for Includes.
 */
import { isAccountFile } from '../../src/discover/kinds.js';
import { defaultConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/core/finding.js';
import { createSourceFile } from '../../src/core/source.js';
import { formatVersion } from '../../src/core/version.js';
import { kindFromPath } from '../../src/discover/kinds.js';
import { lintConfigTrees } from '../../src/engine/lint-config-trees.js';
import { runRepositoryRules } from '../../src/engine/lint-repository.js';
import { runKeyFileRules } from '../../src/engine/lint-source.js';
import { parseSource } from '../../src/engine/parse-source.js';
import { buildRuleSet } from '../../src/engine/rule-set.js';
import type { ConfigFileModel } from '../../src/parse/config/config-model.js';
import { parseConfigFile } from '../../src/parse/config/parse-config-file.js';
import type { KeyFileModel } from '../../src/parse/key-file-model.js';
import { findPrivateKeys } from '../../src/parse/private-key.js';
import { parseMode } from '../../src/parse/setup/file-mode.js';
import { emptySetupModel, type SetupFileModel } from '../../src/parse/setup/setup-model.js';
import { buildRepositoryModel, type RepositoryModel } from '../../src/repository/repository-model.js';
import { RULES } from '../../src/rules/index.js';
import type { RuleContext } from '../../src/rules/rule.js';
import type { SetupSpec } from '../oracle/lockout-fixtures.js';

const RULE_SET = buildRuleSet(RULES, defaultConfig());

function setupModel(spec: SetupSpec, text: string): SetupFileModel {
  const model = emptySetupModel('shell_script', createSourceFile(spec.file, text));
  for (const i of spec.installations ?? []) {
    model.installations.push({ ...(i.user ? { user: i.user } : {}), ...(i.target ? { target: i.target } : {}), keys: { file: i.keysFile }, exclusive: false, span: { line: i.line, column: 1 } });
  }
  for (const m of spec.modes ?? []) {
    // The bits as the shell parser reads them (a symbolic mode sets some bits surely).
    const change = parseMode(m.written);
    const setBits = change?.mode === undefined && change?.set ? { setBits: change.set } : {};
    model.modes.push({ target: m.target, mode: m.mode, written: m.written, ...setBits, recursive: m.recursive ?? false, span: { line: m.line, column: 1 } });
  }
  return model;
}

/** The repository model and findings, assembled from the pipeline's own steps (setup facts given directly). */
export async function lintRepository(repo: string, files: Record<string, string>, setupSpecs: readonly SetupSpec[], context: RuleContext): Promise<{ model: RepositoryModel; findings: Finding[] }> {
  const configModels: ConfigFileModel[] = [];
  const keyFiles: KeyFileModel[] = [];
  const findings: Finding[] = [];
  for (const [path, text] of Object.entries(files)) {
    const kind = kindFromPath(path);
    const source = createSourceFile(path, text);
    if (kind === 'sshd_config' || kind === 'ssh_config') configModels.push(parseConfigFile(source, kind, formatVersion(context.version)));
    const keyModel = kind ? parseSource(source, kind, context.version) : undefined;
    if (keyModel) {
      keyFiles.push(keyModel);
      findings.push(...runKeyFileRules(keyModel, RULE_SET, context));
    }
  }
  configModels.sort((a, b) => (a.source.path < b.source.path ? -1 : 1));
  const configs = await lintConfigTrees(configModels, RULE_SET, context, { cwd: repo, root: repo, loadExtra: async () => undefined });
  const setups = setupSpecs.map((spec) => setupModel(spec, files[spec.file] ?? ''));
  const accounts = Object.entries(files).flatMap(([path, text]) => (isAccountFile(path) ? [createSourceFile(path, text)] : []));
  const privateKeys = Object.entries(files).flatMap(([path, text]) => {
    const keys = findPrivateKeys(text);
    return keys.length > 0 ? [{ path, keys }] : [];
  });
  const model = buildRepositoryModel({ analyses: configs.analyses, keyFiles, setups, accounts, privateKeys });
  findings.push(...configs.findings, ...runRepositoryRules(model, RULE_SET, context));
  return { model, findings };
}
