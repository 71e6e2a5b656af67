import { isPrivateKeyPath } from '../../parse/setup/ssh-paths.js';
import { defineSetupRule, quote, type RuleHit } from '../rule.js';
import { wordHit } from './scope.js';

/** A private key by name, or a `.ssh` directory (which holds the user's keys). */
function carriesKeys(source: string): boolean {
  const path = source.replace(/\/+$/, '');
  return isPrivateKeyPath(path) || path === '.ssh' || path.endsWith('/.ssh') || /(?:^|\/)\.ssh\/(?:id_[^/.]+|\*)$/.test(path);
}

export default defineSetupRule({
  id: 'SSH503',
  alias: 'key-copied-into-image',
  kinds: ['dockerfile'],
  category: 'secret-exposure',
  severity: 'error',
  docs: {
    summary: '`COPY`/`ADD` of a private key or a `.ssh` directory into a container image: everyone who can pull the image can take the key.',
    what: 'A `COPY` or `ADD` from the build context whose source is a private key by its name (`id_rsa`, `id_ed25519`, `deploy_key`, `*.pem`, `*.key`, `ssh_host_*_key`) or a `.ssh` directory. Copies from another stage (`--from=`) are not judged; the copy into that stage is.',
    why: 'Every instruction is a layer, and layers are kept: a key copied in and deleted by a later `RUN rm` is still in the image, its history and the build cache, readable by anyone who can pull it (a public registry, a leaked CI cache). Baked-in host keys also make every container share one server identity. BuildKit lends the key to a single RUN without storing it: `RUN --mount=type=ssh` forwards the builder\'s agent, `RUN --mount=type=secret` mounts a file; host keys belong in a volume or are generated at start.',
    bad: 'COPY id_ed25519 /root/.ssh/id_ed25519\nRUN git clone git@github.com:example/private.git',
    good: 'RUN --mount=type=ssh git clone git@github.com:example/private.git',
    references: ['Docker docs: build secrets and SSH mounts (RUN --mount=type=ssh, type=secret)', 'Docker docs: image layers and history', 'CWE-538: insertion of sensitive information into externally-accessible file'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    for (const copy of model.imageCopies ?? []) {
      if (copy.fromStage) continue;
      for (const source of copy.sources) {
        if (!carriesKeys(source.text)) continue;
        hits.push(
          wordHit(
            source,
            `${copy.instruction} ${quote(source.text)} puts private key material into an image layer: anyone who can pull the image or its cache can extract it, even if a later step deletes the file.`,
            'Do not copy keys into images: use `RUN --mount=type=ssh` (agent forwarding for the build) or `RUN --mount=type=secret`, and generate host keys when the container starts.',
          ),
        );
      }
    }
    return hits;
  },
});
