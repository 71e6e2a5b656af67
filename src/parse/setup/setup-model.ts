/**
 * The typed model of code that sets SSH up: CI workflows, shell scripts, Dockerfiles, Makefiles,
 * Ansible, cloud-init and Terraform. Each parser extracts what matters for SSH with positions in
 * the file that holds it: the shell commands run, the SSH files the code writes (analysed by the
 * same rules as the real files), and the facts lockout analysis needs (keys installed, modes set).
 */
import type { Span } from '../../core/finding.js';
import type { SetupKind, UserKind } from '../../core/file-kind.js';
import type { SourceFile } from '../../core/source.js';
import type { FileWrite } from './file-writes.js';
import type { SshInvocation } from './ssh-invocations.js';

/** One shell word after quote removal, where it is written in the host file. */
export interface ShellWord {
  /** The value after quote removal; undefined when an expansion (`$VAR`, `$(…)`, `{{ … }}`) makes it unknown. */
  value: string | undefined;
  /** The word as written. */
  raw: string;
  /** Quotes removed, expansions kept as written (`$HOME/.ssh/config`): a path's name is known even when its prefix is not. */
  text: string;
  span: Span;
}

/** The text a heredoc (`<<EOF`, `<<-EOF`, `<<'EOF'`) feeds to its command. */
export interface HeredocBody {
  /** One entry per body line; undefined where an expansion makes the line unknown. */
  lines: (string | undefined)[];
  /** One entry per body line. */
  origins: LineOrigin[];
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `2>`, `&>`, … (with its file descriptor, if written). */
  operator: string;
  /** The file, or a heredoc's delimiter word. */
  target: ShellWord;
  body?: HeredocBody;
}

/** A simple command: `GIT_SSH_COMMAND='ssh -o …' git push >> log`. */
export interface ShellCommand {
  words: ShellWord[];
  /** `NAME=value` words before the command name (also `env NAME=value cmd`, `export NAME=value`). */
  assignments: { name: string; value: ShellWord }[];
  redirects: ShellRedirect[];
  /** The next command of the same pipeline (`ssh-keyscan host | tee -a ~/.ssh/known_hosts`). */
  pipedTo?: ShellCommand;
  /** Commands of one scope share a shell environment and files (a workflow job, a Makefile target); undefined: the whole file. */
  scope?: string;
}

/** Where each line of an embedded document sits in the host file. */
export interface LineOrigin {
  /** 1-based line in the host file. */
  line: number;
  /** Added to a column of the embedded line to get the host column (indentation, a `key: ` prefix). */
  columnOffset: number;
  /** A line assembled from two places (Ansible's `key_options` put before a `key`): columns from `from` on map through this. */
  rest?: { from: number; line: number; columnOffset: number };
}

/** Text that becomes an SSH file: a heredoc, a YAML block scalar, a line Ansible adds. */
export interface EmbeddedDocument {
  kind: UserKind;
  /** The text as the target file will hold it; `source.path` is the host file's display path. */
  source: SourceFile;
  /** One entry per line of `source`. */
  origins: LineOrigin[];
  /** Only part of the target file (a line `lineinfile` adds): rules about what the file lacks stay silent. */
  fragment: boolean;
  /** Where the code writes it, when known (`/etc/ssh/sshd_config`, `~/.ssh/authorized_keys`). */
  target?: string;
}

/**
 * Setup code inside setup code (cloud-init user data in a Terraform heredoc): its model's positions
 * are in its own text, and `origins` map them to the host file.
 */
export interface EmbeddedSetup {
  model: SetupFileModel;
  /** One entry per line of `model.source`. */
  origins: LineOrigin[];
}

/** Keys the code installs for a user (lockout analysis reads these). */
export interface KeyInstallation {
  /** The account, when the code names it. */
  user?: string;
  /** The file the keys go to, as written (`/home/deploy/.ssh/authorized_keys`, `~/.ssh/authorized_keys`). */
  target?: string;
  /**
   * The keys: inline text, a repository file the code copies, or keys a variable, template or URL
   * supplies (`key: "{{ item }}"`, `ssh_import_id`): some key is installed, which one is unknown.
   */
  keys: { document: EmbeddedDocument } | { file: string } | { unknown: string };
  /** The installation replaces every other key of the user (Ansible `exclusive: true`). */
  exclusive: boolean;
  span: Span;
}

/** A permission the code sets on a path (`chmod 700 ~/.ssh`, Ansible `mode: '0644'`, `install -m 600`). */
export interface ModeSetting {
  /** The path as written. */
  target: string;
  /** The resulting permission bits; undefined when a symbolic mode's result depends on the old mode. */
  mode: number | undefined;
  /** The mode as written (`g+w`, `0644`). */
  written: string;
  /** Bits certainly turned on when `mode` is unknown (`g+w` adds group write whatever the old mode). */
  setBits?: number;
  /** Bits certainly turned off when `mode` is unknown (`go-rwx`). */
  clearedBits?: number;
  recursive: boolean;
  span: Span;
}

export interface SetupFileModel {
  kind: SetupKind;
  source: SourceFile;
  /** Every simple command the file runs (`run:` steps, `RUN` lines, recipes, script lines); none for a script that names nothing SSH (`mayConcernSsh`). */
  commands: ShellCommand[];
  /** The files those commands write (redirections, tee, cp/install), and their ssh/scp/rsync/git connections. */
  writes: FileWrite[];
  invocations: SshInvocation[];
  embedded: EmbeddedDocument[];
  installations: KeyInstallation[];
  modes: ModeSetting[];
  nested: EmbeddedSetup[];
}

export function emptySetupModel(kind: SetupKind, source: SourceFile): SetupFileModel {
  return { kind, source, commands: [], writes: [], invocations: [], embedded: [], installations: [], modes: [], nested: [] };
}

/** What the repository rules read of a model (installations, modes, embedded files): the commands would keep every script's words in memory. */
export function forRepository(model: SetupFileModel): SetupFileModel {
  return { ...model, commands: [], writes: [], invocations: [] };
}
