/**
 * `award-tally check <file|dir>... [--profile ID|file.json] [--json] [--lang zh|en] [--annotate out.xlsx]
 * [--report out.html]` (SPEC §7). No rule logic here: read each workbook (src/xlsx/read.ts), run the engine
 * (src/core/check.ts), print, write the optional copies.
 *
 * Decisions (documented in the help text too):
 * - Directories are expanded to the .xlsx/.xlsm/.xls files directly inside them (not recursively), in name order;
 *   Office lock files (`~$…`) and hidden files are skipped. The same file named twice is checked once.
 * - Exit status: 2 for a usage error or when no input file could be read; otherwise 1 when there is an
 *   error-severity finding or some input could not be read (a file that was not checked is never reported as
 *   fine); else 0.
 * - A workbook that reads fine but holds no recognisable table is not a read error: its `files[i]` entry has
 *   `error: null` and `tables: []` (that is how the JSON tells it), no finding is invented (rule ids are a
 *   closed catalogue), the terminal summary and the HTML report say so; it does not change the exit status.
 * - `--annotate` with one input writes that file (or `<name>.annotated.xlsx` inside it when it names a
 *   directory); with several inputs it must name a directory (existing, or ending in `/`, then created) and each
 *   copy is `<name>.annotated.xlsx` there. An annotate path that is one of the inputs is refused.
 * - `--json` prints exactly one JSON document (validated against the report schema) on stdout and nothing else;
 *   progress never goes to stdout.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { RunChecker, type LocatedFinding } from '../core/check';
import type { Lang, Severity } from '../core/finding';
import { compareSeverity } from '../core/finding';
import { buildReport, reportSchema, type FileEntry, type ReportDocument } from '../core/report';
import { ALL_RULES } from '../core/rules';
import { ALL_FORMS } from '../core/forms';
import { getProfile, loadProfileText, DEFAULT_PROFILE_ID, ProfileError } from '../core/profiles';
import type { Profile } from '../core/profiles/schema';
import { readWorkbookBuffer, readWorkbookFile } from '../xlsx/read';
import { WorkbookReadError } from '../xlsx/errors';
import { AnnotateError, isSameFile, writeAnnotatedCopy } from '../xlsx/annotate';
import { renderHtmlReport } from '../xlsx/html-report';
import { maskPolicyOf } from '../core/profiles/mask-policy';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { colorEnabled, painter, Progress, type CliIO, type Paint } from './io';
import { renderTally } from './tally-table';
import { dropOwnOutputs, expandInputs, ownOutputSkipped, skippedLines, WORKBOOK_EXT, type Input, type Skipped } from './inputs';
import { assertOutputsSafe, type OutputPath } from './outputs';
import { outputMark } from '../xlsx/output-mark';
import { writeOutput } from '../xlsx/output-file';
import { termDeep } from './term';

export { expandInputs, type Input };

export const CHECK_OPTIONS: OptionSpec[] = [
  { name: 'profile', value: true },
  { name: 'json', value: false },
  { name: 'lang', value: true },
  { name: 'annotate', value: true },
  { name: 'report', value: true },
  { name: 'progress', value: false },
  { name: 'no-color', value: false },
  { name: 'help', short: 'h', value: false },
];

/** Examples listed per rule in the terminal summary. */
export const EXAMPLES_PER_RULE = 5;

export class OutputError extends Error {
  readonly messageEn: string;
  constructor(zh: string, en: string) {
    super(zh);
    this.messageEn = en;
  }
}

/** The message of a file that met an unexpected error (no stack trace; AWARD_TALLY_DEBUG=1 prints it on stderr). */
export const INTERNAL = {
  zh: '处理该文件时发生意外错误，已跳过该文件，其余文件照常处理：请在 Excel 或 WPS 中打开它并另存为新的 .xlsx 后重试；仍不行请将文件交给维护人员（设置 AWARD_TALLY_DEBUG=1 可查看技术细节）。',
  en: 'An unexpected error occurred on this file; it was skipped and the other files were processed: open it in Excel or WPS, save it as a new .xlsx and try again; if that fails, pass the file to the maintainers (AWARD_TALLY_DEBUG=1 shows the technical details).',
};
const debug = !!process.env.AWARD_TALLY_DEBUG;

/** What the summary says of a file besides its findings. */
export interface FileNote {
  display: string;
  converted: boolean;
  annotated?: { path: string; cells: number };
}

/**
 * Read every input into one run of the checker, with progress. A file that cannot be read becomes its report
 * entry's error (the others go on); anything else that goes wrong is a bug and is thrown.
 */
export async function readInputs(
  inputs: readonly Input[],
  checker: RunChecker,
  lang: Lang,
  progress: Progress,
  /** Inputs whose bytes the caller needs afterwards (annotated copies); the others' are let go at once. */
  keepBytes: (inp: Input) => boolean = () => false,
): Promise<{ files: FileEntry[]; notes: FileNote[]; unreadable: number; skipped: Skipped[]; read: { inp: Input; entry: FileEntry; note: FileNote; bytes: Buffer | null }[] }> {
  const skipped: Skipped[] = [];
  const files: FileEntry[] = [];
  const notes: FileNote[] = [];
  const read: { inp: Input; entry: FileEntry; note: FileNote; bytes: Buffer | null }[] = [];
  let unreadable = 0;
  for (let i = 0; i < inputs.length; i++) {
    const inp = inputs[i];
    progress.update(i, inp.display);
    try {
      let r;
      if (inp.fromDir) {
        // Found in a directory: a workbook this tool wrote is not read back as one more input.
        const bytes = await fsp.readFile(inp.abs).catch(() => null);
        const mark = bytes && outputMark(bytes);
        if (mark) {
          skipped.push(ownOutputSkipped(inp.display, mark));
          continue;
        }
        r = bytes ? await readWorkbookBuffer(bytes, { name: inp.display }) : await readWorkbookFile(inp.abs, { name: inp.display });
      } else r = await readWorkbookFile(inp.abs, { name: inp.display });
      checker.add(r.grid, inp.display);
      const entry: FileEntry = { path: inp.display, error: null, tables: [] };
      const note: FileNote = { display: inp.display, converted: r.convertedFrom === 'xls' };
      files.push(entry);
      notes.push(note);
      read.push({ inp, entry, note, bytes: keepBytes(inp) ? r.bytes : null });
    } catch (e) {
      unreadable++;
      if (e instanceof WorkbookReadError) files.push({ path: inp.display, error: { code: e.code, message: e.text(lang) }, tables: [] });
      else {
        // Not a known kind of bad input: a bug met on this file. It becomes this file's error; the batch goes on.
        files.push({ path: inp.display, error: { code: 'internal', message: INTERNAL[lang] }, tables: [] });
        if (debug) process.stderr.write(`${inp.display}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      }
      notes.push({ display: inp.display, converted: false });
    }
  }
  progress.update(inputs.length, '');
  progress.done();
  return { files, notes, unreadable, skipped, read };
}

export async function loadProfile(arg: string | undefined, cwd: string): Promise<Profile> {
  if (!arg) return getProfile(DEFAULT_PROFILE_ID);
  const file = path.resolve(cwd, arg);
  const st = await fsp.stat(file).catch(() => null);
  if (st?.isFile() || /\.json$/i.test(arg)) {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch {
      throw new UsageError(`无法读取配置文件 ${arg}：请检查路径。`, `Cannot read the profile file ${arg}: check the path.`);
    }
    return loadProfileText(text, path.basename(arg));
  }
  return getProfile(arg);
}

interface AnnotatePlan {
  /** Output path per input (abs). */
  targets: Map<string, string>;
}

async function planAnnotate(arg: string | undefined, inputs: Input[], cwd: string): Promise<AnnotatePlan | null> {
  if (!arg) return null;
  const target = path.resolve(cwd, arg);
  const st = await fsp.stat(target).catch(() => null);
  const namesDir = /[\\/]$/.test(arg);
  const isDir = !!st?.isDirectory();
  const targets = new Map<string, string>();
  if (inputs.length > 1 && !isDir && !namesDir) {
    throw new UsageError(
      `有多个输入文件时，--annotate 须指定一个目录（已存在，或以 / 结尾将自动创建），每个文件的标注副本写为 <文件名>.annotated.xlsx；或逐个文件运行。`,
      `With several input files, --annotate must name a directory (existing, or ending in / to be created); each copy is written as <name>.annotated.xlsx. Or run one file at a time.`,
    );
  }
  if (isDir || namesDir) {
    await fsp.mkdir(target, { recursive: true }).catch(() => undefined);
    const used = new Set<string>();
    for (const inp of inputs) {
      const base = path.basename(inp.abs).replace(WORKBOOK_EXT, '');
      let name = `${base}.annotated.xlsx`;
      for (let k = 2; used.has(name); k++) name = `${base}.annotated-${k}.xlsx`;
      used.add(name);
      targets.set(inp.abs, path.join(target, name));
    }
  } else targets.set(inputs[0].abs, target);
  for (const inp of inputs) {
    for (const out of targets.values()) {
      if (await isSameFile(inp.abs, out)) {
        throw new UsageError(
          `--annotate 的输出 ${arg} 就是输入文件 ${inp.display}：输入文件从不被修改，请指定另一个文件名。`,
          `The --annotate output ${arg} is the input file ${inp.display}: input files are never modified; give another file name.`,
        );
      }
    }
  }
  return { targets };
}

const L = {
  zh: {
    title: '评优汇总核查',
    files: (n: number, bad: number) => `文件 ${n} 个${bad ? `，其中 ${bad} 个无法读取` : ''}`,
    noTable: '未找到可识别的表格（附件3 先进集体/先进个人汇总表）；未做核查',
    rows: '行',
    converted: '（已用 LibreOffice 由 .xls 转换）',
    totals: (e: number, w: number, i: number) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
    clean: '未发现问题。',
    legend: '（✓ 已读取并核查，问题见下方汇总；! 未找到可识别的表格，未核查；✗ 无法读取）',
    checked: '已核查 ',
    nothingChecked: '没有核查任何表格（未读取到可识别的表格），因此无法说明是否有问题。',
    more: (n: number) => `… 另有 ${n} 条`,
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    annotated: (p: string, n: number) => `已写出标注副本 ${p}（标记 ${n} 个单元格）`,
    reportWritten: (p: string) => `已写出报告 ${p}`,
    emptyDir: (d: string) => `目录 ${d} 中没有 .xlsx/.xls 文件`,
    noInput: '请给出要核查的文件或目录。',
    reportFail: (p: string, c: string) => `无法写入报告 ${p}（${c}）：请检查目录是否存在、是否有写权限。`,
  },
  en: {
    title: 'Award Tally check',
    files: (n: number, bad: number) => `${n} file${n === 1 ? '' : 's'}${bad ? `, ${bad} unreadable` : ''}`,
    noTable: 'no recognisable table (附件3 collectives/individuals); nothing checked',
    rows: 'rows',
    converted: ' (converted from .xls with LibreOffice)',
    totals: (e: number, w: number, i: number) => `${e} error${e === 1 ? '' : 's'} · ${w} warning${w === 1 ? '' : 's'} · ${i} info`,
    clean: 'No findings.',
    legend: '(✓ read and checked, problems listed below; ! no recognisable table, not checked; ✗ unreadable)',
    checked: 'checked ',
    nothingChecked: 'No table was checked (none could be recognised), so nothing can be said about problems.',
    more: (n: number) => `… ${n} more`,
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    annotated: (p: string, n: number) => `Annotated copy written to ${p} (${n} cells marked)`,
    reportWritten: (p: string) => `Report written to ${p}`,
    emptyDir: (d: string) => `no .xlsx/.xls files in directory ${d}`,
    noInput: 'Give the files or directories to check.',
    reportFail: (p: string, c: string) => `Cannot write the report ${p} (${c}): check that the folder exists and is writable.`,
  },
};

export async function runCheck(argv: readonly string[], io: CliIO, lang: Lang): Promise<number> {
  const args = parseArgs(argv, CHECK_OPTIONS);
  const t = L[lang];
  const cwd = io.cwd ?? process.cwd();
  const json = args.options.has('json');
  if (args.positionals.length === 0) throw new UsageError(L.zh.noInput, L.en.noInput);

  const profile = await loadProfile(args.options.get('profile') as string | undefined, cwd);
  const expanded = await expandInputs(args.positionals, cwd);
  const { emptyDirs } = expanded;
  const outputArgs = [args.options.get('annotate'), args.options.get('report')].filter((x): x is string => typeof x === 'string').map((x) => path.resolve(cwd, x));
  const inputs = await dropOwnOutputs(expanded.inputs, outputArgs, expanded.skipped);
  for (const d of emptyDirs) io.stderr.write(`award-tally: ${t.emptyDir(d)}\n`);
  for (const line of skippedLines(expanded, lang)) io.stderr.write(`award-tally: ${line}\n`);
  if (inputs.length === 0) {
    throw new UsageError(`没有找到要核查的 .xlsx/.xls 文件（${args.positionals.join('、')}）。`, `No .xlsx/.xls files to check in ${args.positionals.join(', ')}.`);
  }
  const annotate = await planAnnotate(args.options.get('annotate') as string | undefined, inputs, cwd);
  const reportPath = args.options.get('report') as string | undefined;
  const outputs: OutputPath[] = [...(annotate?.targets.values() ?? [])].map((abs) => ({ option: '--annotate', arg: path.relative(cwd, abs) || abs, abs }));
  if (reportPath) outputs.push({ option: '--report', arg: reportPath, abs: path.resolve(cwd, reportPath) });
  await assertOutputsSafe(inputs, outputs);

  const progress = new Progress(io.stderr, inputs.length, inputs.length > 3 && (args.options.has('progress') || (!!io.stderr.isTTY && !json)));
  const files: FileEntry[] = [];
  const findings: LocatedFinding[] = [];
  const notes: FileNote[] = [];
  let unreadable = 0;
  let outputFailed = false;
  // The files of one run are checked together: duplicates and quotas across files (dup.cross-file, quota.*).
  const checker = new RunChecker({ profile, lang });
  const checked: { inp: Input; bytes: Buffer | null; entry: FileEntry; note: (typeof notes)[number] }[] = [];

  const read = await readInputs(inputs, checker, lang, progress, (inp) => !!annotate?.targets.has(inp.abs));
  for (const s of read.skipped) io.stderr.write(`award-tally: ${skippedLines({ skipped: [s], others: new Map() }, lang)[0]}\n`);
  files.push(...read.files);
  notes.push(...read.notes);
  unreadable += read.unreadable;
  for (const r of read.read) checked.push({ inp: r.inp, bytes: r.bytes, entry: r.entry, note: r.note });

  const run = checker.finish();
  for (let k = 0; k < checked.length; k++) {
    const { inp, bytes, entry, note } = checked[k];
    const result = run.results[k];
    entry.tables = result.tables;
    for (const f of result.findings) findings.push(f); // not push(...): 100,000+ findings overflow the stack
    const out = annotate?.targets.get(inp.abs);
    if (out && bytes) {
      try {
        const { cells } = await writeAnnotatedCopy(bytes, result.findings, out, { input: inp.abs, lang });
        note.annotated = { path: path.relative(cwd, out) || out, cells };
      } catch (e) {
        if (!(e instanceof AnnotateError)) throw e;
        io.stderr.write(`award-tally: ${e.text(lang)}\n`);
        outputFailed = true;
      }
    }
  }

  const doc = validateReport(buildReport(files, findings, run.tally));

  if (reportPath) {
    const out = path.resolve(cwd, reportPath);
    try {
      await writeOutput(out, renderHtmlReport(doc, { lang, maskPolicy: maskPolicyOf(profile) }));
    } catch (e) {
      io.stderr.write(`award-tally: ${t.reportFail(reportPath, (e as NodeJS.ErrnoException).code ?? 'error')}\n`);
      outputFailed = true;
    }
  }

  if (json) writeJson(doc, io.stdout);
  else {
    const paint = painter(colorEnabled(io.stdout, io.env, args.options.has('no-color')));
    io.stdout.write(renderSummary(doc, notes, lang, paint));
    for (const n of notes) if (n.annotated) io.stdout.write(t.annotated(n.annotated.path, n.annotated.cells) + '\n');
    if (reportPath && !outputFailed) io.stdout.write(t.reportWritten(reportPath) + '\n');
  }

  const readable = inputs.length - unreadable - read.skipped.length;
  if (readable === 0) return 2;
  if (outputFailed) return 2;
  return doc.summary.errors > 0 || unreadable > 0 ? 1 : 0;
}

/**
 * Validate the report against its zod schema: the envelope as a whole, the findings one by one (the same
 * check, without holding a second copy of 100,000+ findings).
 */
export function validateReport(doc: ReportDocument): ReportDocument {
  reportSchema.parse({ ...doc, findings: [] });
  const finding = reportSchema.shape.findings.element;
  for (const f of doc.findings) finding.parse(f);
  return doc;
}

/**
 * Print the report as one JSON document, in pieces (one finding per line) rather than one giant string: the
 * same document `JSON.stringify` gives, at a fraction of the memory for 100,000+ findings.
 */
export function writeJson(doc: ReportDocument, out: { write(s: string): unknown }): void {
  const findings = doc.findings;
  // Key order as in SPEC §7: schema, files, findings, tally, summary.
  const head = JSON.stringify({ schema: doc.schema, files: doc.files, findings: [], tally: doc.tally, summary: doc.summary }, null, 2);
  const marker = '"findings": []';
  const at = head.indexOf(marker);
  out.write(head.slice(0, at) + '"findings": [');
  const BATCH = 2000;
  for (let i = 0; i < findings.length; i += BATCH) {
    let s = '';
    const end = Math.min(findings.length, i + BATCH);
    for (let k = i; k < end; k++) s += (k === 0 ? '\n    ' : ',\n    ') + JSON.stringify(findings[k]);
    out.write(s);
  }
  out.write((findings.length ? '\n  ]' : ']') + head.slice(at + marker.length) + '\n');
}

/** The terminal summary: files (with their tables), totals, then findings grouped by rule with a few examples. */
export function renderSummary(
  rawDoc: ReportDocument,
  rawNotes: readonly { display: string; converted: boolean }[],
  lang: Lang,
  paint: Paint,
): string {
  // Cell text, sheet and file names without control characters (src/cli/term.ts).
  const doc = termDeep(rawDoc);
  const notes = termDeep(rawNotes);
  const t = L[lang];
  const out: string[] = [];
  const kindTitle = new Map(ALL_FORMS.map((f) => [f.kind, f.title[lang]]));
  const bad = doc.files.filter((f) => f.error).length;
  out.push(paint('bold', `${t.title} · ${t.files(doc.files.length, bad)}`));
  out.push(paint('gray', t.legend));
  for (const f of doc.files) {
    const converted = notes.find((n) => n.display === f.path)?.converted ? t.converted : '';
    if (f.error) out.push(`  ${paint('red', '✗')} ${f.path} — ${paint('red', f.error.message)}`);
    else if (f.tables.length === 0) out.push(`  ${paint('yellow', '!')} ${f.path}${converted} — ${paint('yellow', t.noTable)}`);
    else {
      const tables = f.tables
        .map((x) => `${x.sheet}!${x.range} ${kindTitle.get(x.kind) ?? x.kind}${lang === 'en' ? ` (${x.rows} ${t.rows})` : `（${x.rows} ${t.rows}）`}`)
        .join(lang === 'en' ? '; ' : '；');
      out.push(`  ${paint('green', '✓')} ${f.path}${converted} — ${t.checked}${tables}`);
    }
  }
  for (const line of renderTally(doc.tally, lang, paint)) out.push(line);
  out.push('');
  const s = doc.summary;
  const totals = t.totals(s.errors, s.warnings, s.infos);
  out.push(s.errors ? paint('red', paint('bold', totals)) : s.warnings ? paint('yellow', totals) : paint('green', totals));
  if (doc.findings.length === 0) {
    // "No findings" only means something when a table was checked.
    out.push(doc.files.some((f) => f.tables.length > 0) ? t.clean : t.nothingChecked);
    return out.join('\n') + '\n';
  }
  const order = new Map(ALL_RULES.map((r, i) => [r.meta.id, i]));
  const docs = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta.docs[lang]]));
  const groups = new Map<string, ReportDocument['findings']>();
  for (const f of doc.findings) {
    const g = groups.get(f.rule);
    if (g) g.push(f);
    else groups.set(f.rule, [f]);
  }
  const worst = (list: ReportDocument['findings']) => list.reduce<Severity>((w, f) => (compareSeverity(f.severity, w) < 0 ? f.severity : w), 'info');
  const sorted = [...groups.entries()].sort(
    (a, b) => compareSeverity(worst(a[1]), worst(b[1])) || (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9) || a[0].localeCompare(b[0]),
  );
  const color: Record<Severity, 'red' | 'yellow' | 'blue'> = { error: 'red', warning: 'yellow', info: 'blue' };
  const multi = doc.files.length > 1;
  for (const [rule, list] of sorted) {
    const sev = worst(list);
    out.push('');
    const d = docs.get(rule);
    out.push(`${paint(color[sev], t.sev[sev].padEnd(lang === 'zh' ? 2 : 7))}  ${paint('bold', rule)} × ${list.length}${d ? paint('gray', `  ${d}`) : ''}`);
    for (const f of list.slice(0, EXAMPLES_PER_RULE)) {
      const where = `${multi ? f.file + ' ' : ''}${f.sheet}!${f.cell}`;
      out.push(`    ${paint('dim', where)}  ${f.message}`);
    }
    if (list.length > EXAMPLES_PER_RULE) out.push(paint('gray', `    ${t.more(list.length - EXAMPLES_PER_RULE)}`));
  }
  return out.join('\n') + '\n';
}

export { ProfileError };
