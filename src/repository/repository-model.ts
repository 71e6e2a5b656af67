/**
 * The repository as a whole, for the rules that connect what several files say (which
 * sshd_config governs which authorized_keys, what modes the provisioning code sets). The
 * pipeline builds it once every file is parsed.
 */
import type { SourceFile } from '../core/source.js';
import type { KeyFileModel } from '../parse/key-file-model.js';
import type { PrivateKeyBlock } from '../parse/private-key.js';
import type { SetupFileModel } from '../parse/setup/setup-model.js';
import type { ConfigAnalysis } from '../rules/rule.js';

export interface RepositoryModel {
  /** sshd configurations as sshd reads them: main files with their Includes, and drop-ins no main file includes. */
  servers: ConfigAnalysis[];
  /** ssh client configurations, likewise. */
  clients: ConfigAnalysis[];
  /** authorized_keys, known_hosts and .pub files. */
  keyFiles: KeyFileModel[];
  /** Code that sets SSH up (scripts, workflows, Dockerfiles, Ansible, cloud-init). */
  setups: SetupFileModel[];
  /** A machine's etc/passwd and etc/group (AllowGroups and DenyGroups test the groups they give a user). */
  accounts: SourceFile[];
  /** The private keys each file holds (what may be printed of them: type, fingerprint), for the identities ssh offers. */
  privateKeys: { path: string; keys: PrivateKeyBlock[] }[];
  /**
   * Whole directories were scanned. False when only some files were named (pre-commit passes the
   * staged ones): a key the other files install is unseen, so nobody is said to be locked out.
   */
  complete: boolean;
}

const byPath = <T extends { source: { path: string } }>(a: T, b: T): number => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0);

/** The model from the parsed files, in path order (discovery runs concurrently; the model must not depend on it). */
export function buildRepositoryModel(parts: {
  analyses: readonly ConfigAnalysis[];
  keyFiles: readonly KeyFileModel[];
  setups: readonly SetupFileModel[];
  accounts?: readonly SourceFile[];
  privateKeys?: readonly { path: string; keys: PrivateKeyBlock[] }[];
  complete?: boolean;
}): RepositoryModel {
  const main = (analysis: ConfigAnalysis): { source: { path: string } } => analysis.tree.main;
  const sortAnalyses = (list: ConfigAnalysis[]): ConfigAnalysis[] => list.sort((a, b) => byPath(main(a), main(b)));
  return {
    servers: sortAnalyses(parts.analyses.filter((analysis) => analysis.kind === 'sshd_config')),
    clients: sortAnalyses(parts.analyses.filter((analysis) => analysis.kind === 'ssh_config')),
    keyFiles: [...parts.keyFiles].sort(byPath),
    setups: [...parts.setups].sort(byPath),
    accounts: [...(parts.accounts ?? [])].sort((a, b) => byPath({ source: a }, { source: b })),
    privateKeys: [...(parts.privateKeys ?? [])].sort((a, b) => byPath({ source: a }, { source: b })),
    complete: parts.complete ?? true,
  };
}
