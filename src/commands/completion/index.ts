// `ece completion bash|zsh|fish`: prints the completion script for a shell.

import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { act, type Contexts } from '../action.js';
import { BASH, FISH, ZSH } from './scripts.js';

const SCRIPTS: Record<string, string> = { bash: BASH, zsh: ZSH, fish: FISH };

export function register(cmd: Command, contexts: Contexts): void {
  cmd
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `
Completes commands, sub-commands and flags, profile names, output formats,
resource kinds, and deployment ids and names (asked from ECE with a 2 s limit).

Install:
  bash   echo 'source <(ece completion bash)' >> ~/.bashrc
         (or: ece completion bash > /etc/bash_completion.d/ece)
  zsh    ece completion zsh > "\${fpath[1]}/_ece"    then start a new shell
         (or: echo 'source <(ece completion zsh)' >> ~/.zshrc, after compinit)
  fish   ece completion fish > ~/.config/fish/completions/ece.fish

Examples:
  $ ece completion bash > ~/.local/share/bash-completion/completions/ece`,
    )
    .action(
      act(contexts, (ctx, shell: string) => {
        const script = SCRIPTS[shell];
        if (!script) throw new UsageError(`unknown shell "${shell}" (valid: bash, zsh, fish)`);
        ctx.io.stdout.write(script);
      }),
    );
}
