// SPDX-License-Identifier: ISC
// SPDX-FileCopyrightText: 2026 the gloss authors
//
// typograf-nbsp.js — for bench/typo-report.py: which spaces of each
// paragraph typograf's no-break-space rules would make non-breaking.
//
// Reads JSON from standard input: {"paragraphs": [{"text": "...",
// "locale": "ru"|"uk"|"be"}, ...]}.  Writes {"rules": [names], "nbsp":
// [[[rule index, code-point index of the space], ...] per paragraph],
// "changed": n} where each rule of typograf's */nbsp/* group runs on its
// own (the others off), so a space is credited to every rule that marks
// it.  A paragraph whose text a rule changes otherwise (typograf inserts
// or removes characters) is left out for that rule and counted in changed.
// Needs the npm package typograf (NODE_PATH or a node_modules beside).
'use strict';

const Typograf = require('typograf');

const NBSP = new Set(['\u00A0', '\u202F']);
// Typograf's own helper rule that turns &nbsp; into U+00A0, not a rule of
// its own about where to glue.
const SKIP = new Set(['common/nbsp/replaceNbsp', 'common/nbsp/nowrap']);

function main(input) {
	const paragraphs = JSON.parse(input).paragraphs;
	const rules = Typograf.getRules().map((r) => r.name)
		.filter((n) => n.includes('/nbsp/') && !SKIP.has(n)).sort();
	const engines = {};
	const nbsp = paragraphs.map(() => []);
	let changed = 0;

	for (const [ri, name] of rules.entries()) {
		for (const [pi, p] of paragraphs.entries()) {
			const key = p.locale + ' ' + name;
			if (!engines[key]) {
				const t = new Typograf({ locale: [p.locale] });
				t.disableRule('*');
				t.enableRule(name);
				engines[key] = t;
			}
			const a = Array.from(p.text);
			const b = Array.from(engines[key].execute(p.text));
			if (a.length !== b.length) {
				changed++;
				continue;
			}
			for (let k = 0; k < a.length; k++) {
				if (a[k] === ' ' && NBSP.has(b[k]))
					nbsp[pi].push([ri, k]);
			}
		}
	}
	process.stdout.write(JSON.stringify({ rules, nbsp, changed, version: Typograf.version }));
}

let data = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { data += d; });
process.stdin.on('end', () => main(data));
