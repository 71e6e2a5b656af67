/** Builds the SSH files that YAML setup code writes, line by line, each line remembering where it sits in the host file. */
import type { UserKind } from '../../core/file-kind.js';
import { createSourceFile, type SourceFile } from '../../core/source.js';
import type { EmbeddedDocument, LineOrigin } from './setup-model.js';
import { isTemplated, type ScalarText } from './yaml-source.js';

export interface EmbeddedLine {
  text: string;
  origin: LineOrigin;
}

/** The lines of a scalar with their origins. */
export function scalarLines(scalar: ScalarText): EmbeddedLine[] {
  return scalar.text.split('\n').map((text, index) => ({ text, origin: scalar.origins[index] ?? scalar.origins.at(-1)! }));
}

/** A key written as a placeholder in examples and templates (`<ssh pub key 1>`, `ssh-rsa AAAAB3Nza... user`): no key is known. */
export function isKeyPlaceholder(text: string): boolean {
  return /<[^<>]*>|\.\.\.|…/.test(text);
}

/** The lines of text written to a file: a final newline ends the last line, it does not start another. */
export function fileLines(scalar: ScalarText): EmbeddedLine[] {
  const lines = scalarLines(scalar);
  return lines.length > 1 && lines.at(-1)!.text === '' ? lines.slice(0, -1) : lines;
}

/**
 * The document the lines become, or undefined when a template makes any of it unknown: a Jinja
 * loop or `${…}` can add, drop or change lines, so no part of it is judged.
 */
export function embedLines(
  kind: UserKind,
  host: SourceFile,
  lines: readonly EmbeddedLine[],
  options: { fragment: boolean; target?: string | undefined },
): EmbeddedDocument | undefined {
  if (lines.length === 0 || lines.some((line) => isTemplated(line.text))) return undefined;
  const document: EmbeddedDocument = {
    kind,
    source: createSourceFile(host.path, lines.map((line) => line.text).join('\n')),
    origins: lines.map((line) => line.origin),
    fragment: options.fragment,
  };
  if (options.target !== undefined) document.target = options.target;
  return document;
}

