// Shell completion scripts. Each asks `ece __complete` for the candidates of
// the word being typed, so completion follows the commands as they are.

export const BASH = `# bash completion for ece
_ece_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  local out
  out=$(ece __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null | cut -f1)
  COMPREPLY=($(compgen -W "$out" -- "$cur"))
  if [ \${#COMPREPLY[@]} -eq 0 ]; then
    compopt -o default 2>/dev/null
  fi
  return 0
}
complete -F _ece_complete ece
`;

export const ZSH = `#compdef ece
# zsh completion for ece
_ece() {
  local -a candidates
  local line
  for line in "\${(@f)$(ece __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}"; do
    [[ -z "$line" ]] && continue
    local value="\${line%%$'\\t'*}"
    local desc=""
    [[ "$line" == *$'\\t'* ]] && desc="\${line#*$'\\t'}"
    candidates+=("\${value//:/\\\\:}:$desc")
  done
  if (( \${#candidates} )); then
    _describe 'ece' candidates
  else
    _files
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _ece "$@"
else
  compdef _ece ece
fi
`;

export const FISH = `# fish completion for ece
function __ece_complete
    set -l words (commandline -opc)
    set -e words[1]
    ece __complete $words (commandline -ct) 2>/dev/null
end
complete -c ece -f -a '(__ece_complete)'
`;
