// Shell completion scripts. Each asks `ece __complete` for the candidates of
// the word being typed, so completion follows the commands as they are.
//
// Candidates come from the server (deployment names), so they are data, never
// shell text: no script passes them through anything that expands words
// (bash's `compgen -W` runs `$(…)` in each word, and unquoted words glob).
// bash filters them with a literal prefix test and inserts them quoted with
// `printf %q`; zsh's compadd and fish quote what they insert themselves.

export const BASH = `# bash completion for ece
# Undoes the shell quoting of a word as typed (\\x, '…', "…"), without eval.
_ece_unquote() {
  local s=$1 out= c q= i
  for ((i = 0; i < \${#s}; i++)); do
    c=\${s:i:1}
    if [[ $q == "'" ]]; then
      if [[ $c == "'" ]]; then q=; else out+=$c; fi
    elif [[ $c == '\\' ]]; then
      i=$((i + 1))
      out+=\${s:i:1}
    elif [[ $q == '"' ]]; then
      if [[ $c == '"' ]]; then q=; else out+=$c; fi
    elif [[ $c == "'" || $c == '"' ]]; then
      q=$c
    else
      out+=$c
    fi
  done
  printf '%s' "$out"
}
_ece_complete() {
  local cur line value quoted w
  local -a words=()
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD}"; do
    words+=("$(_ece_unquote "$w")")
  done
  cur=\${words[\${#words[@]}-1]}
  COMPREPLY=()
  while IFS= read -r line; do
    value=\${line%%$'\\t'*}
    # A literal prefix test: "$cur" quoted is no pattern.
    [[ -n $value && $value == "$cur"* ]] || continue
    printf -v quoted '%q' "$value"
    COMPREPLY+=("$quoted")
  done < <(ece __complete "\${words[@]}" 2>/dev/null)
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
  local -a values descs
  local line value
  for line in "\${(@f)$(ece __complete "\${(@Q)words[2,CURRENT]}" 2>/dev/null)}"; do
    [[ -z "$line" ]] && continue
    value="\${line%%$'\\t'*}"
    values+=("$value")
    if [[ "$line" == *$'\\t'* ]]; then descs+=("$value -- \${line#*$'\\t'}"); else descs+=("$value"); fi
  done
  if (( \${#values} )); then
    # compadd inserts each value quoted; -d shows the descriptions, -l one a line.
    compadd -l -d descs -a values
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
    ece __complete $words (commandline -ct | string unescape 2>/dev/null; or commandline -ct) 2>/dev/null
end
complete -c ece -f -a '(__ece_complete)'
`;
