/**
 * Where the repository puts authorized keys on the machines it configures, and which sshd
 * configuration governs each machine.
 *
 * Keys arrive two ways: a file in a conventional layout (`home/<user>/.ssh/authorized_keys`,
 * `root/.ssh/authorized_keys`, under any prefix such as a rootfs overlay), or setup code that
 * installs them for a user (an Ansible `authorized_key` task, cloud-init `ssh_authorized_keys`,
 * a script writing a heredoc). Homes are the conventional ones (`/root`, `/home/<user>`): the
 * repository rarely says otherwise, and the messages name the path they assume.
 */
import type { Span } from '../core/finding.js';
import type { OpenSSHVersion } from '../core/version.js';
import { parseAuthorizedKeys } from '../parse/authorized-keys.js';
import type { KeyFileModel } from '../parse/key-file-model.js';
import type { EmbeddedDocument, KeyInstallation, SetupFileModel } from '../parse/setup/setup-model.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import type { ConfigAnalysis } from '../rules/rule.js';
import { userOfPath } from '../parse/setup/ssh-paths.js';
import { expandTilde, homeOf, isOwnHome } from './expand-path.js';

/** A place in the repository. */
export interface Place {
  file: string;
  span: Span;
}

/** One file of authorized keys as it lands on a machine. */
export interface KeySource {
  user: string;
  /** Absolute path on the machine. */
  path: string;
  model: KeyFileModel;
  /** The place of a line of `model` in the repository (a heredoc's line is in its script). */
  place(line: number, range?: { start: number; end: number }): Place;
  /** The setup code that installs the file, when code does. */
  installedBy?: Place;
  /** The sshd configuration of the machine. */
  server: ConfigAnalysis;
  /** The setup files that configure the same machine (their modes apply). */
  setups: SetupFileModel[];
}

/** `home/<user>/.ssh/authorized_keys` or `root/.ssh/authorized_keys`, after any prefix. */
const CONVENTIONAL = /(?:^|\/)(?:home\/([^/]+)|(root))\/\.ssh\/(authorized_keys2?)$/;

/** The part of a repository path that stands for `/` on the machine (`rootfs/` for `rootfs/etc/ssh/sshd_config`). */
export function machinePrefix(configPath: string): string {
  const etc = /(?:^|\/)etc\/ssh\//.exec(configPath);
  if (etc) return configPath.slice(0, etc.index + (etc[0].startsWith('/') ? 1 : 0));
  const dropIn = /(?:^|\/)sshd_config\.d\/[^/]+$/.exec(configPath);
  return configPath.slice(0, dropIn ? dropIn.index + (dropIn[0].startsWith('/') ? 1 : 0) : configPath.lastIndexOf('/') + 1);
}

/**
 * The sshd configuration that governs the machine a repository file belongs to: the one whose
 * machine prefix is the longest prefix of the path (main files before orphan drop-ins), or the
 * only one. Undefined when that is ambiguous.
 */
export function governingServer(servers: readonly ConfigAnalysis[], repoPath: string): ConfigAnalysis | undefined {
  if (servers.length === 1) return servers[0];
  let best: ConfigAnalysis[] = [];
  let bestLength = -1;
  for (const server of servers) {
    const prefix = machinePrefix(server.tree.main.source.path);
    if (!repoPath.startsWith(prefix) || prefix.length < bestLength) continue;
    if (prefix.length > bestLength) best = [];
    bestLength = prefix.length;
    best.push(server);
  }
  const main = best.filter((server) => !/(?:^|\/)sshd_config\.d\//.test(server.tree.main.source.path));
  const chosen = main.length > 0 ? main : best;
  return chosen.length === 1 ? chosen[0] : undefined;
}

/** A path as the setup code writes it, made absolute for `user` (`~/.ssh` → `/home/deploy/.ssh`); undefined when unknown. */
export function resolveTargetPath(written: string, user: string | undefined): string | undefined {
  if (/[$`{]/.test(written)) return undefined;
  // `~/…` is the home of the user the code runs as, unknown without one (`~name/…` needs none).
  if (user === undefined && isOwnHome(written)) return undefined;
  const path = expandTilde(written, user ?? '');
  return path.startsWith('/') ? path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1') : undefined;
}

/** The setup files that configure the machine `server` governs (their modes apply). */
export function setupsGoverned(model: RepositoryModel, server: ConfigAnalysis): SetupFileModel[] {
  return model.setups.filter((setup) => governingServer(model.servers, setup.source.path) === server);
}

export function filePlace(file: string): KeySource['place'] {
  return (line, range) => ({ file, span: range ? { line, column: range.start + 1, endColumn: range.end + 1 } : { line, column: 1 } });
}

function documentPlace(document: EmbeddedDocument): KeySource['place'] {
  return (line, range) => {
    const origin = document.origins[line - 1] ?? document.origins.at(-1) ?? { line, columnOffset: 0 };
    const span: Span = range ? { line: origin.line, column: range.start + 1 + origin.columnOffset, endColumn: range.end + 1 + origin.columnOffset } : { line: origin.line, column: 1 };
    return { file: document.source.path, span };
  };
}

/** Every authorized-keys file the repository puts on a machine whose sshd configuration it holds. */
export function installedKeySources(model: RepositoryModel, version: OpenSSHVersion): KeySource[] {
  const setupsOf = (server: ConfigAnalysis): SetupFileModel[] => setupsGoverned(model, server);
  const sources: KeySource[] = [];
  for (const keyFile of model.keyFiles) {
    if (keyFile.kind !== 'authorized_keys') continue;
    const match = CONVENTIONAL.exec(keyFile.source.path);
    const server = match && governingServer(model.servers, keyFile.source.path);
    if (!match || !server) continue;
    const user = match[1] ?? match[2]!;
    sources.push({ user, path: `${homeOf(user)}/.ssh/${match[3]}`, model: keyFile, place: filePlace(keyFile.source.path), server, setups: setupsOf(server) });
  }
  for (const setup of model.setups) {
    const server = governingServer(model.servers, setup.source.path);
    if (!server) continue;
    for (const installation of setup.installations) {
      const source = fromInstallation(installation, setup, model, version);
      if (source) sources.push({ ...source, server, setups: setupsOf(server) });
    }
  }
  return sources;
}

function fromInstallation(
  installation: KeyInstallation,
  setup: SetupFileModel,
  model: RepositoryModel,
  version: OpenSSHVersion,
): Omit<KeySource, 'server' | 'setups'> | undefined {
  const written = installation.target;
  const path = written === undefined ? (installation.user === undefined ? undefined : `${homeOf(installation.user)}/.ssh/authorized_keys`) : resolveTargetPath(written, installation.user);
  const user = installation.user ?? (path === undefined ? undefined : userOfPath(path));
  if (path === undefined || user === undefined || /[{$]/.test(user)) return undefined;
  const installedBy: Place = { file: setup.source.path, span: installation.span };
  if ('document' in installation.keys) {
    const document = installation.keys.document;
    return { user, path, model: parseAuthorizedKeys(document.source, version), place: documentPlace(document), installedBy };
  }
  // Keys from a variable, template or URL cannot be judged.
  if ('unknown' in installation.keys) return undefined;
  const file = installation.keys.file;
  const keyFile = model.keyFiles.find((candidate) => candidate.source.path === file);
  return keyFile && { user, path, model: keyFile, place: filePlace(file), installedBy };
}
