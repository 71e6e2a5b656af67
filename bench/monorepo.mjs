/**
 * The benchmark repository, generated from a seed: about 100,000 tracked source-like files in
 * deep folders (four groups of 25,000, so memory can be measured at several sizes), about 500
 * SSH files scattered among them, and a 20,000-file node_modules that .gitignore leaves out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyLine } from './keys.mjs';
import { ed25519PrivateKey } from './private-key.mjs';

export const GROUPS = 4;
const FILES_PER_GROUP = 25_000;
const NODE_MODULES_FILES = 20_000;

const WORDS = 'account build cache client config context deploy error event handler index item key list manager model node options parse queue request result route server service session state store stream task token user value worker'.split(' ');
/** A monorepo's mix, roughly: mostly code, some data and docs, few YAML files and shell scripts (5 % and 2 %). */
const EXTENSIONS = [...Array(30).fill('ts'), ...Array(15).fill('js'), ...Array(15).fill('py'), ...Array(10).fill('go'), ...Array(13).fill('json'), ...Array(10).fill('md'), ...Array(5).fill('yml'), ...Array(2).fill('sh')];
/** Files share folders as in real trees (about a dozen per folder), so the tree has ~10k folders, not one chain per file. */
const FILES_PER_FOLDER = 12;

function identifier(random) {
  return `${random.pick(WORDS)}${random.pick(WORDS).replace(/^./, (c) => c.toUpperCase())}`;
}

/** 5 to 80 lines that look like code: what a private-key scanner has to read through. */
function sourceText(random) {
  const lines = [];
  const count = 5 + random.int(76);
  for (let i = 0; i < count; i++) {
    const name = identifier(random);
    lines.push(
      random.pick([
        `export function ${name}(input: string): number {`,
        `  const ${name} = await fetch("/api/${random.pick(WORDS)}/" + id);`,
        `  if (${name} === undefined) throw new Error("${random.pick(WORDS)} missing");`,
        `  return ${name}.map((x) => x * ${random.int(1000)});`,
        `}`,
        `# ${random.pick(WORDS)} ${random.pick(WORDS)} ${random.pick(WORDS)}: see docs/${random.pick(WORDS)}.md`,
        `${name}: ${random.int(100000)}`,
        `import { ${name} } from "../${random.pick(WORDS)}/${random.pick(WORDS)}";`,
      ]),
    );
  }
  return lines.join('\n') + '\n';
}

function nestedDirectory(random, base) {
  const depth = 2 + random.int(7);
  const parts = [base];
  for (let i = 0; i < depth; i++) parts.push(random.pick(WORDS) + (random.int(4) === 0 ? `-${random.int(10)}` : ''));
  return path.join(...parts);
}

const SSHD_CONFIG = (random) =>
  [
    'Include /etc/ssh/sshd_config.d/*.conf',
    `Port ${random.pick([22, 22, 2222])}`,
    random.pick(['PermitRootLogin no', 'PermitRootLogin yes', 'PermitRootLogin prohibit-password']),
    random.pick(['PasswordAuthentication no', 'PasswordAuthentication yes']),
    'KbdInteractiveAuthentication no',
    'UsePAM yes',
    random.pick(['X11Forwarding no', 'X11Forwarding yes']),
    'Subsystem sftp /usr/lib/openssh/sftp-server',
    'Match Group deploy',
    '    AllowTcpForwarding no',
    '    ForceCommand /usr/local/bin/deploy',
  ].join('\n') + '\n';

const SSH_CONFIG = (random) =>
  [
    `Host bastion-${random.int(100)}`,
    `    HostName 10.0.${random.int(255)}.${random.int(255)}`,
    '    User deploy',
    random.pick(['    StrictHostKeyChecking no', '    StrictHostKeyChecking yes']),
    '    IdentityFile ~/.ssh/id_ed25519',
    'Host *.internal',
    '    ProxyJump bastion-1',
    random.pick(['    ForwardAgent yes', '    ForwardAgent no']),
  ].join('\n') + '\n';

/** [relative path under a random folder, content]: about 500 of them over the repository. */
function sshFiles(random) {
  const files = [];
  const add = (count, make) => {
    for (let i = 0; i < count; i++) files.push(make(i));
  };
  add(100, (i) => ['deploy/authorized_keys', Array.from({ length: 1 + random.int(30) }, (_, k) => keyLine(random, `ops${i}-${k}@example`)).join('\n') + '\n']);
  add(150, (i) => [`keys/${identifier(random)}-${i}.pub`, keyLine(random, `dev${i}@laptop`) + '\n']);
  add(50, (i) => ['known_hosts', Array.from({ length: 1 + random.int(20) }, (_, k) => `host${i}-${k}.example.com,10.1.${i}.${k} ${keyLine(random, '')}`).join('\n') + '\n']);
  add(40, () => ['etc/ssh/sshd_config', SSHD_CONFIG(random)]);
  add(30, (i) => [`etc/ssh/sshd_config.d/${10 + i}-hardening.conf`, 'PasswordAuthentication no\nMaxAuthTries 3\n']);
  add(40, () => ['etc/ssh/ssh_config', SSH_CONFIG(random)]);
  add(40, () => ['.ssh/config', SSH_CONFIG(random)]);
  add(20, (i) => ['.ssh/id_ed25519', ed25519PrivateKey(random, `leaked${i}@ci`)]);
  add(10, (i) => [`secrets/${identifier(random)}.key`, ed25519PrivateKey(random, `renamed${i}@ci`)]);
  return files;
}

function write(file, content) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Writes the repository under `root` and commits it. Returns the SSH files' paths (relative). */
export function generateMonorepo(root, random) {
  const sshPaths = [];
  const allSshFiles = sshFiles(random);
  for (let group = 0; group < GROUPS; group++) {
    const groupDir = path.join('packages', `group-${group}`);
    const sshHere = allSshFiles.filter((_, i) => i % GROUPS === group);
    const folders = Array.from({ length: Math.ceil(FILES_PER_GROUP / FILES_PER_FOLDER) }, () => nestedDirectory(random, path.join(groupDir, `pkg-${random.int(50)}`)));
    for (let i = 0; i < FILES_PER_GROUP - sshHere.length; i++) {
      const dir = random.pick(folders);
      write(path.join(root, dir, `${identifier(random)}-${i}.${random.pick(EXTENSIONS)}`), sourceText(random));
    }
    for (const [name, content] of sshHere) {
      const relPath = path.join(nestedDirectory(random, path.join(groupDir, `svc-${random.int(50)}`)), name);
      write(path.join(root, relPath), content);
      sshPaths.push(relPath);
    }
  }
  const dependencyFolders = Array.from({ length: Math.ceil(NODE_MODULES_FILES / FILES_PER_FOLDER) }, () => nestedDirectory(random, path.join('node_modules', `dep-${random.int(400)}`)));
  for (let i = 0; i < NODE_MODULES_FILES; i++) {
    write(path.join(root, random.pick(dependencyFolders), `index-${i}.js`), sourceText(random));
  }
  write(path.join(root, '.gitignore'), 'node_modules/\n');
  const git = (...args) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'generated');
  return sshPaths;
}
