/** How rules name lines, blocks and Includes in their messages. */
import type { Directive } from '../../parse/config/config-model.js';
import type { Scope, Setting } from '../../parse/config/effective-config.js';

/** `file:line` of a directive, for messages. */
export function where(directive: Directive): string {
  return `${directive.file}:${directive.line.number}`;
}

/** How a line is written, for messages: `PermitRootLogin yes`. */
export function written(directive: Directive): string {
  const text = `${directive.keyword} ${directive.args.map((a) => a.value).join(' ')}`.trim();
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** "the top level" or "the `Match User bob` block (file:line)". */
export function scopeLabel(scope: Scope): string {
  if (!scope.block) return 'the top level';
  return `the \`${written(scope.block)}\` block (${where(scope.block)})`;
}

/** " (from drop-in x, included by file:line)" when a line comes in through an Include. */
export function viaLabel(setting: Setting): string {
  const include = setting.entry.via[setting.entry.via.length - 1];
  return include ? ` (included by ${where(include)})` : '';
}
