# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# bash completion for gloss.  Commands and options are read from gloss's own
# --help (the command table), tag names from the database (gloss --list-tags),
# so the completion never disagrees with the program it completes.

# The usage text of gloss, or of gloss CMD.
_gloss_usage() {
	"${_gloss_prog:-gloss}" ${1:+"$1"} --help 2>/dev/null
}

_gloss() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local prog=${COMP_WORDS[0]} cmd="" i w usage commands choices
	_gloss_prog=$prog
	commands=$(_gloss_usage | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' | tr '\n' ' ')
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case " $commands " in *" $w "*) cmd=$w; break ;; esac
	done
	usage=$(_gloss_usage "$cmd")
	COMPREPLY=()
	case $prev in
	--tag)
		local IFS=$'\n'	# a tag may hold spaces
		COMPREPLY=($(compgen -W "$("$prog" --list-tags 2>/dev/null)" -- "$cur"))
		return ;;
	--*)
		# An option whose usage lists its values (--format markdown|json).
		choices=$(printf '%s\n' "$usage" | grep -o -- "$prev[= ][a-z0-9|-]*|[a-z0-9|-]*" | head -n 1 | sed 's/^[^ =]*[ =]//; s/|/ /g')
		if [ -n "$choices" ]; then
			COMPREPLY=($(compgen -W "$choices" -- "$cur"))
			return
		fi ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(printf '%s\n' "$usage" | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
		return
	fi
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
	fi
	COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -o filenames -o bashdefault -F _gloss gloss
