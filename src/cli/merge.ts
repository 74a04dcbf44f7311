/**
 * `award-tally merge <file|dir>... -o <merged.xlsx> [--quota quota.xlsx] [--profile ID|file.json] [--json]`
 * (SPEC §7, §6 Consolidate). No rule logic here: read the workbooks, check them together as one run (so
 * dup.cross-file and the quotas see every file), consolidate their nomination tables into master sheets with
 * 来源文件 and 推荐单位, add the 名额核对 sheet (live COUNTIFS, over-quota cells highlighted), write the merged
 * workbook, and print the same summary (or JSON report) as `check`, with the tally.
 *
 * Decisions:
 * - `--quota` names a workbook holding the 推荐名额表 (附件2, qc.quota); it is read first, so its table is the quota
 *   of the run (over the profile's). It must contain such a table (else a usage error). Without --quota the first
 *   quota table among the inputs, else the profile's quota table, applies.
 * - Input files are never modified; the output may not be one of them (or the quota file).
 * - Exit status as `check`: 0 no error finding; 1 error findings or an unreadable input; 2 usage error, no input
 *   readable, nothing to merge, or the output could not be written.
 */
import * as path from 'path';
import type { Lang } from '../core/finding';
import { RunChecker, type LocatedFinding } from '../core/check';
import { consolidate } from '../core/consolidate';
import { countyFileName, findingRows, notSubmitted, splitByRecommender } from '../core/consolidate-report';
import { buildReport, type FileEntry } from '../core/report';
import { readWorkbookFile } from '../xlsx/read';
import { WorkbookReadError } from '../xlsx/errors';
import { isSameFile } from '../xlsx/annotate';
import { writeMergedWorkbook, writeCountyWorkbook } from '../xlsx/merge';
import { promises as fsp } from 'fs';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { expandInputs, loadProfile, readInputs, renderSummary, validateReport, writeJson } from './check';
import { dropOwnOutputs, skippedLines } from './inputs';
import { writeOutputWith } from '../xlsx/output-file';
import { colorEnabled, painter, Progress, type CliIO } from './io';

export const MERGE_OPTIONS: OptionSpec[] = [
  { name: 'out', short: 'o', value: true },
  { name: 'quota', value: true },
  { name: 'profile', value: true },
  { name: 'json', value: false },
  { name: 'split-by', value: true },
  { name: 'lang', value: true },
  { name: 'progress', value: false },
  { name: 'no-color', value: false },
  { name: 'help', short: 'h', value: false },
];

const L = {
  zh: {
    noInput: '请给出要汇总的文件或目录，例如 award-tally merge 各县/ -o 汇总.xlsx',
    noOut: '请用 -o 指定汇总输出文件，例如 -o 汇总.xlsx',
    outIsInput: (o: string, i: string) => `输出文件 ${o} 就是输入文件 ${i}：输入文件从不被修改，请指定另一个文件名。`,
    quotaUnreadable: (q: string, m: string) => `无法读取名额表 ${q}：${m}`,
    quotaNoTable: (q: string) => `在 ${q} 中没有找到推荐名额表（表头：序号、地区或部门、小组数、发表小组数、质量信得过班组数）。`,
    nothing: '没有可汇总的表格（附件3 先进集体/先进个人汇总表或申报登记表）；未写出汇总文件。',
    written: (o: string, parts: string) => `已写出汇总工作簿 ${o}：${parts}；名额核对`,
    rows: (name: string, n: number) => `${name} ${n} 行`,
    writeFail: (o: string, code: string) => `无法写入 ${o}（${code}）：请检查目录是否存在、是否有写权限、文件是否正被 Excel 打开。`,
    emptyDir: (d: string) => `目录 ${d} 中没有 .xlsx/.xls 文件`,
    splitBy: (v: string) => `--split-by 只支持 推荐单位（收到 ${v}）`,
    split: (d: string, n: number) => `已按推荐单位拆分为 ${n} 个工作簿，写入目录 ${d}`,
    notSubmitted: (list: string) => `未报送：${list}`,
  },
  en: {
    noInput: 'Give the files or directories to merge, e.g. award-tally merge counties/ -o merged.xlsx',
    noOut: 'Give the merged output file with -o, e.g. -o merged.xlsx',
    outIsInput: (o: string, i: string) => `The output ${o} is the input file ${i}: inputs are never modified; give another file name.`,
    quotaUnreadable: (q: string, m: string) => `Cannot read the quota table ${q}: ${m}`,
    quotaNoTable: (q: string) => `No quota table (序号, 地区或部门, 小组数, 发表小组数, 质量信得过班组数) found in ${q}.`,
    nothing: 'Nothing to merge (no 附件3 or register table found); no merged file written.',
    written: (o: string, parts: string) => `Merged workbook written to ${o}: ${parts}; 名额核对`,
    rows: (name: string, n: number) => `${name} ${n} rows`,
    writeFail: (o: string, code: string) => `Cannot write ${o} (${code}): check that the folder exists and is writable, and that the file is not open in Excel.`,
    emptyDir: (d: string) => `no .xlsx/.xls files in directory ${d}`,
    splitBy: (v: string) => `--split-by only takes 推荐单位 (got ${v})`,
    split: (d: string, n: number) => `Split by 推荐单位 into ${n} workbooks in ${d}`,
    notSubmitted: (list: string) => `Not submitted (未报送): ${list}`,
  },
};

export async function runMerge(argv: readonly string[], io: CliIO, lang: Lang): Promise<number> {
  const args = parseArgs(argv, MERGE_OPTIONS);
  const t = L[lang];
  const cwd = io.cwd ?? process.cwd();
  const json = args.options.has('json');
  if (args.positionals.length === 0) throw new UsageError(L.zh.noInput, L.en.noInput);
  const outArg = args.options.get('out') as string | undefined;
  if (!outArg) throw new UsageError(L.zh.noOut, L.en.noOut);
  const out = path.resolve(cwd, outArg);
  const profile = await loadProfile(args.options.get('profile') as string | undefined, cwd);
  const quotaArg = args.options.get('quota') as string | undefined;
  const splitArg = args.options.get('split-by') as string | undefined;
  if (splitArg !== undefined && !['推荐单位', 'recommender'].includes(splitArg.trim())) throw new UsageError(L.zh.splitBy(splitArg), L.en.splitBy(splitArg));
  // --split-by writes one workbook per county into <out without .xlsx>-按推荐单位/ beside the merged workbook.
  const splitDir = splitArg === undefined ? null : out.replace(/\.xlsx$/i, '') + '-按推荐单位';
  const quotaAbs = quotaArg ? path.resolve(cwd, quotaArg) : null;

  const expanded = await expandInputs(args.positionals, cwd);
  for (const d of expanded.emptyDirs) io.stderr.write(`award-tally: ${t.emptyDir(d)}\n`);
  // The quota workbook is read once, first, even when a directory of inputs also holds it.
  const inputs = [];
  for (const inp of await dropOwnOutputs(expanded.inputs, [out], expanded.skipped)) if (!(quotaAbs && (await isSameFile(inp.abs, quotaAbs)))) inputs.push(inp);
  for (const line of skippedLines(expanded, lang)) io.stderr.write(`award-tally: ${line}\n`);
  if (inputs.length === 0) {
    throw new UsageError(`没有找到要汇总的 .xlsx/.xls 文件（${args.positionals.join('、')}）。`, `No .xlsx/.xls files to merge in ${args.positionals.join(', ')}.`);
  }
  for (const p of [...inputs.map((i) => ({ abs: i.abs, display: i.display })), ...(quotaAbs ? [{ abs: quotaAbs, display: quotaArg! }] : [])]) {
    if (await isSameFile(p.abs, out)) throw new UsageError(L.zh.outIsInput(outArg, p.display), L.en.outIsInput(outArg, p.display));
  }

  const checker = new RunChecker({ profile, lang });
  const files: FileEntry[] = [];
  const notes: { display: string; converted: boolean }[] = [];
  let unreadable = 0;
  if (quotaArg && quotaAbs) {
    try {
      const read = await readWorkbookFile(quotaAbs, { name: quotaArg });
      checker.add(read.grid, quotaArg);
      files.push({ path: quotaArg, error: null, tables: [] });
      notes.push({ display: quotaArg, converted: read.convertedFrom === 'xls' });
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      throw new UsageError(L.zh.quotaUnreadable(quotaArg, e.text('zh')), L.en.quotaUnreadable(quotaArg, e.text('en')));
    }
  }
  const progress = new Progress(io.stderr, inputs.length, inputs.length > 3 && (args.options.has('progress') || (!!io.stderr.isTTY && !json)));
  const read = await readInputs(inputs, checker, lang, progress);
  for (const sk of read.skipped) io.stderr.write(`award-tally: ${skippedLines({ skipped: [sk], others: new Map() }, lang)[0]}\n`);
  files.push(...read.files);
  notes.push(...read.notes);
  unreadable += read.unreadable;

  const run = checker.finish();
  const findings: LocatedFinding[] = [];
  let k = 0;
  for (const f of files) {
    if (f.error) continue;
    const r = run.results[k++];
    f.tables = r.tables;
    for (const x of r.findings) findings.push(x);
  }
  if (quotaArg && !files[0].tables.some((x) => x.kind === 'qc.quota')) throw new UsageError(L.zh.quotaNoTable(quotaArg), L.en.quotaNoTable(quotaArg));
  if (inputs.length === unreadable + read.skipped.length) {
    const doc = validateReport(buildReport(files, findings, run.tally));
    if (json) writeJson(doc, io.stdout);
    else io.stdout.write(renderSummary(doc, notes, lang, painter(colorEnabled(io.stdout, io.env, args.options.has('no-color')))));
    return 2;
  }

  const c = consolidate(run.tallyDetail, profile, { findings });
  const checked = files.filter((f) => !f.error).map((f) => f.path);
  const fRows = findingRows(c, findings, checked);
  const missing = notSubmitted(run.tallyDetail, files.filter((f) => f.error).map((f) => f.path));
  let written: string | null = null;
  let splitNote: string | null = null;
  let failed = false;
  if (c.sheets.length === 0) {
    io.stderr.write(`award-tally: ${t.nothing}\n`);
    failed = true;
  } else {
    const q = run.tallyDetail.quota;
    const quotaSource = q ? (q.from === 'table' ? `${run.tallyDetail.tables[q.table!].file} ${run.tallyDetail.tables[q.table!].sheet.name}` : `${profile.name}（${profile.quota?.source ?? profile.id}）`) : null;
    try {
      await writeOutputWith(out, (tmp) => writeMergedWorkbook(tmp, c, run.tally, { quotaSource, findings: fRows, notSubmitted: missing, lang }), 'merge');
      written = t.written(outArg, c.sheets.map((s) => t.rows(s.name, s.rows.length)).join(lang === 'zh' ? '，' : ', '));
    } catch (e) {
      io.stderr.write(`award-tally: ${t.writeFail(outArg, (e as NodeJS.ErrnoException).code ?? 'error')}\n`);
      failed = true;
    }
    if (splitDir && !failed) {
      const parts = splitByRecommender(c, fRows);
      const used = new Set<string>();
      try {
        await fsp.mkdir(splitDir, { recursive: true });
        for (const part of parts) {
          const name = countyFileName(part.recommender, used) + '.xlsx';
          const target = path.join(splitDir, name);
          for (const inp of inputs) if (await isSameFile(inp.abs, target)) throw Object.assign(new Error('input'), { code: 'EEXIST' });
          await writeOutputWith(target, (tmp) => writeCountyWorkbook(tmp, part, lang), 'merge');
        }
        splitNote = t.split(path.relative(cwd, splitDir) || splitDir, parts.length);
      } catch (e) {
        io.stderr.write(`award-tally: ${t.writeFail(path.relative(cwd, splitDir), (e as NodeJS.ErrnoException).code ?? 'error')}\n`);
        failed = true;
      }
    }
  }

  const doc = validateReport(buildReport(files, findings, run.tally));
  if (json) writeJson(doc, io.stdout);
  else {
    const paint = painter(colorEnabled(io.stdout, io.env, args.options.has('no-color')));
    io.stdout.write(renderSummary(doc, notes, lang, paint));
    if (written) io.stdout.write(written + (missing.length ? (lang === 'zh' ? '；未报送' : '; 未报送') : '') + '\n');
    if (missing.length) {
      const list = missing.map((m) => (m.unreadableFile ? `${m.region}（${lang === 'zh' ? '来件无法读取' : 'file unreadable'}）` : m.region));
      io.stdout.write(t.notSubmitted(list.join(lang === 'zh' ? '、' : ', ')) + '\n');
    }
    if (splitNote) io.stdout.write(splitNote + '\n');
  }
  if (failed) return 2;
  return doc.summary.errors > 0 || unreadable > 0 ? 1 : 0;
}
