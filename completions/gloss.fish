# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# fish completion for gloss.  Commands and options are read from gloss's own
# --help (the command table), tag names from the database (gloss --list-tags).

function __gloss_commands
	gloss --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p'
end

# The command on the line so far, if any.
function __gloss_command
	set -l commands (__gloss_commands)
	for w in (commandline -opc)[2..-1]
		if contains -- $w $commands
			echo $w
			return
		end
	end
end

function __gloss_options
	gloss (__gloss_command) --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u
end

# The values an option's usage lists (--format markdown|json).
function __gloss_values
	set -l prev (commandline -opc)[-1]
	gloss (__gloss_command) --help 2>/dev/null | grep -o -- "$prev"'[= ][a-z0-9|-]*|[a-z0-9|-]*' | head -n 1 | sed 's/^[^ =]*[ =]//' | tr '|' '\n'
end

function __gloss_prev_is
	test (commandline -opc)[-1] = $argv[1]
end

function __gloss_prev_has_values
	set -l prev (commandline -opc)[-1]
	set -l values (__gloss_values)
	string match -q -- '--*' $prev; and test (count $values) -gt 0
end

# A word where a command may go: no command yet, not an option, no option value.
function __gloss_wants_command
	set -l c (__gloss_command)
	test -z "$c"; and not string match -q -- '-*' (commandline -ct); and not __gloss_prev_has_values
end

# A word where a file may go: not an option, not an option's value.
function __gloss_wants_file
	not string match -q -- '-*' (commandline -ct); and not __gloss_prev_has_values; and not __gloss_prev_is --tag
end

complete -c gloss -f -n '__gloss_wants_command' -a '(__gloss_commands)'
complete -c gloss -f -n 'string match -q -- "-*" (commandline -ct)' -a '(__gloss_options)'
complete -c gloss -f -n '__gloss_prev_is --tag' -a '(gloss --list-tags 2>/dev/null)'
complete -c gloss -f -n '__gloss_prev_has_values' -a '(__gloss_values)'
complete -c gloss -n '__gloss_wants_file' -F
