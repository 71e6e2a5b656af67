/** Option failures share one shape: the rule picks its error codes, the message quotes sshd. */
import type { OptionErrorCode } from '../../parse/key-options.js';
import type { KeyFileModel } from '../../parse/key-file-model.js';
import { hitAt, quote, rejectedLines, type RuleHit } from '../rule.js';

export function optionErrorHits(model: KeyFileModel, codes: readonly OptionErrorCode[], help: (code: OptionErrorCode, option: string | undefined) => string): RuleHit[] {
  return rejectedLines(model, 'option').flatMap(({ line, rejection: { error } }) => {
    if (!codes.includes(error.code)) return [];
    const text = line.text.slice(error.range.start, error.range.end);
    return [
      hitAt(line, error.range, `sshd rejects the options at ${quote(text)} ("bad key options: ${error.sshdMessage}") and skips this key.`, help(error.code, error.option)),
    ];
  });
}
