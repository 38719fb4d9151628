// `ece completion bash|zsh|fish`: prints the completion script for a shell.

import { UsageError } from '../../errors.js';
import { verbCommand } from '../run/command.js';
import { textOutput } from '../run/exact.js';
import { defineVerb } from '../run/types.js';
import { BASH, FISH, ZSH } from './scripts.js';

const SCRIPTS: Record<string, string> = { bash: BASH, zsh: ZSH, fish: FISH };

export const verb = defineVerb<{ shell: string }>({
  effect: 'read',
  args: [{ name: 'shell', description: 'bash, zsh or fish' }],
  description: `Completes commands, sub-commands and flags, profile names, output formats,
resource kinds, and deployment ids and names (asked from ECE with a 2 s limit).

Install:
  bash   echo 'source <(ece completion bash)' >> ~/.bashrc
         (or: ece completion bash > /etc/bash_completion.d/ece)
  zsh    ece completion zsh > "\${fpath[1]}/_ece"    then start a new shell
         (or: echo 'source <(ece completion zsh)' >> ~/.zshrc, after compinit)
  fish   ece completion fish > ~/.config/fish/completions/ece.fish`,
  examples: ['ece completion bash > ~/.local/share/bash-completion/completions/ece'],
  input(raw) {
    const shell = String(raw.shell);
    if (!SCRIPTS[shell]) throw new UsageError(`unknown shell "${shell}" (valid: bash, zsh, fish)`);
    return { shell };
  },
  // The script as it is, whatever the format.
  plan: async ({ shell }) => ({ output: textOutput(SCRIPTS[shell] ?? '') }),
});

export const { register } = verbCommand(verb);
