import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../../src/core/source.js';
import { parseSetupSource } from '../../../src/parse/setup/parse-setup.js';
import type { SetupKind } from '../../../src/core/file-kind.js';
import type { ShellCommand } from '../../../src/parse/setup/setup-model.js';
import { shellCommands } from '../../../src/parse/setup/shell/shell-commands.js';
import { maskMatches, shellText } from '../../../src/parse/setup/shell/shell-text.js';

function lex(script: string): ShellCommand[] {
  const origins = script.split('\n').map((_, i) => ({ line: i + 1, columnOffset: 0 }));
  return shellCommands(shellText(script, origins, (text) => maskMatches(text, /\$\{\{[\s\S]*?\}\}/g)));
}

/** Each command's words, `?` for an unknown value. */
function words(script: string): string[][] {
  return lex(script).map((command) => command.words.map((word) => word.value ?? '?'));
}

describe('shell lexer', () => {
  it.each([
    ['quotes', `echo 'a b' "c $'d'" $'e\\tf' g\\ h`, [['echo', 'a b', "c $'d'", 'e\tf', 'g h']]],
    ['expansions make words unknown', 'echo $HOME "${X:-y}" `id` $(date) a$1 $', [['id'], ['date'], ['echo', '?', '?', '?', '?', '?', '$']]],
    ['substitutions run their commands', 'X=$(ssh-keyscan host | sort)', [['ssh-keyscan', 'host'], ['sort'], []]],
    ['operators and continuations', 'a && b || c; d & e |\\\n f', [['a'], ['b'], ['c'], ['d'], ['e'], ['f']]],
    ['control structures flattened', 'if [ -f x ]; then for i in 1 2; do ssh $i; done; else { echo; }; fi', [['[', '-f', 'x', ']'], ['ssh', '?'], ['echo']]],
    ['case patterns dropped', 'case "$1" in\n  a|b) chmod 600 k ;;\n  *) exit 1 ;;\nesac', [['chmod', '600', 'k'], ['exit', '1']]],
    ['functions', 'deploy() { rsync a b; }\nfunction setup { mkdir d; }', [['rsync', 'a', 'b'], ['mkdir', 'd']]],
    ['wrappers removed', 'sudo -u deploy -H env A=1 nohup timeout 5 tee -a f', [['tee', '-a', 'f']]],
    ['bash -c re-lexed', `sudo bash -c 'echo hi > /etc/x; chmod 600 /etc/x'`, [['bash', '-c', 'echo hi > /etc/x; chmod 600 /etc/x'], ['echo', 'hi'], ['chmod', '600', '/etc/x']]],
    ['comments', 'echo a # chmod 777 ~\n# ssh -A x', [['echo', 'a']]],
    ['GitHub expressions are unknown, even in single quotes', `echo '\${{ secrets.K }}' plain`, [['echo', '?', 'plain']]],
  ])('%s', (_name, script, expected) => {
    expect(words(script)).toEqual(expected);
  });

  it('keeps assignments, export and env apart from words', () => {
    const [first, second] = lex('GIT_SSH_COMMAND="ssh -o X=y" git push\nexport A=1 B="$C"');
    expect(first!.assignments.map((a) => [a.name, a.value.value])).toEqual([['GIT_SSH_COMMAND', 'ssh -o X=y']]);
    expect(first!.words.map((w) => w.value)).toEqual(['git', 'push']);
    expect(second!.assignments.map((a) => [a.name, a.value.value])).toEqual([['A', '1'], ['B', undefined]]);
  });

  it('reads heredocs: quoted, tab-stripped, with expansions', () => {
    const [quoted, stripped] = lex("cat <<'EOF' > a\n$X stays\nEOF\ncat <<-END >> b\n\tPort 22\n\tUser $U\n\tEND\necho after");
    expect(quoted!.redirects.map((r) => r.operator)).toEqual(['<<', '>']);
    expect(quoted!.redirects[0]!.body!.lines).toEqual(['$X stays']);
    expect(stripped!.redirects[0]!.body!.lines).toEqual(['Port 22', undefined]);
    expect(stripped!.redirects[0]!.body!.origins).toEqual([{ line: 5, columnOffset: 1 }, { line: 6, columnOffset: 1 }]);
    expect(words("cat <<'EOF' > a\n$X stays\nEOF\necho after").at(-1)).toEqual(['echo', 'after']);
  });

  it('gives exact spans, across continuations and in re-lexed scripts', () => {
    const [ssh] = lex('  ssh \\\n    -o StrictHostKeyChecking=no host');
    expect(ssh!.words[2]!.span).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 32 });
    const inner = lex(`bash -c "chmod 777 ~"`)[1]!;
    expect(inner.words[1]!.span).toMatchObject({ line: 1, column: 16 });
  });

  it('never throws and always ends, on any input', () => {
    const alphabet = fc.constantFrom(...`ab $'"\`\\(){}<>|&;#\n\t=-~*EOF${'{{'}`.split(''), '<<EOF\n', '$(', '${', '<<-', 'EOF\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
        const script = parts.join('');
        for (const command of lex(script)) {
          for (const word of command.words) expect(word.span.line).toBeGreaterThanOrEqual(1);
        }
        for (const kind of ['workflow', 'shell_script', 'dockerfile', 'makefile'] as SetupKind[]) {
          const text = kind === 'workflow' ? `jobs:\n  a:\n    steps:\n      - run: ${JSON.stringify(script)}\n` : kind === 'makefile' ? `t:\n\t${script}` : script;
          parseSetupSource(createSourceFile('f', text), kind);
        }
      }),
      { numRuns: 300 },
    );
  });
});
