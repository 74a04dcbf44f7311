/**
 * What the browser version's Web Worker (workbook.worker.ts) does: every workbook the user opens is parsed, held,
 * read, checked, changed and written here, off the page's main thread, with the same code as the command line —
 * ExcelJS for the model, the engine for the check and the fill plan (src/worker/check-session.ts), src/xlsx for
 * the annotated copy (annotate-workbook.ts), the merged workbook (merge.ts) and the templates (template*.ts). Each
 * open file is an in-memory GridHost (grid-host.ts); the page forwards the task pane's WorkbookHost calls to it
 * (worker-host.ts) and receives snapshots, sheet views and check results as plain data.
 * The bytes of a file never leave the page: nothing here makes a request. No Worker API here, so the tests drive
 * it in Node.
 */
import type { Workbook } from 'exceljs';
import type { LocatedFinding } from '../core/check';
import type { Lang } from '../core/finding';
import { GridHost } from './grid-host';
import { isHostError, type InsertedSheet, type Progress } from '../taskpane/host-port';
import { describeError } from '../taskpane/errors';
import { MAX_ROWS } from './sheet-view';
import { getProfile, loadProfileText, ProfileError, type Profile } from '../core/profiles';
import { CheckSession } from '../worker/check-session';
import type { ProfileChoice } from '../worker/protocol';
import { tallyWorkbook, toTallyView, type TallyState } from '../taskpane/tally-run';
import type { DownloadResult, TemplateDownload, WorkerError, WorkerMessage, WorkerRequest } from './worker-protocol';

interface Open {
  host: GridHost;
  name: string;
  lang: Lang;
  /** The findings last marked (the annotated copy writes them). */
  marked: readonly LocatedFinding[];
  lastView: { dataVersion: number; sheet: string | null } | null;
  /** Rows of the active sheet the page last asked cells for (the view pushed after a change covers them). */
  wantRows: number;
  /** The latest check of the file, kept here for its fill plan. */
  checks: CheckSession;
  /** The latest tally (名额), kept here for its 名额核对 sheet. */
  tally: { id: number; state: TallyState } | null;
}

/** Rows per slice of a grid sent to the page (about 30 ms of the page's time each for 12 columns). */
const GRID_CHUNK_ROWS = 2500;

/** Rows whose cells are built for a sheet first shown: a screenful and the grid's overscan. */
const FIRST_VIEW_ROWS = 240;

let tallies = 0;

function toError(e: unknown, lang: Lang): WorkerError {
  if (isHostError(e)) {
    const { message } = describeError(e, lang);
    const other = describeError(e, lang === 'en' ? 'zh' : 'en').message;
    return { host: { code: e.code, params: { ...e.params }, detail: e.detail }, zh: lang === 'en' ? other : message, en: lang === 'en' ? message : other, detail: e.detail };
  }
  const t = e as { text?: (l: Lang) => string; code?: unknown; detail?: unknown; message?: unknown };
  if (t && typeof t.text === 'function') {
    return { code: typeof t.code === 'string' ? t.code : undefined, zh: t.text('zh'), en: t.text('en'), detail: typeof t.detail === 'string' ? t.detail : undefined };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { zh: `处理工作簿时出错：${message}`, en: `The workbook could not be processed: ${message}`, detail: e instanceof Error ? e.stack : undefined };
}

function stem(name: string): string {
  return name.replace(/\.xlsx$/i, '');
}

async function writeBytes(wb: Workbook): Promise<ArrayBuffer> {
  const out = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  if (out instanceof ArrayBuffer) return out;
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

async function loadExcelJS(): Promise<typeof import('exceljs')> {
  const mod = await import('exceljs');
  return ((mod as unknown as { default?: typeof import('exceljs') }).default ?? mod) as typeof import('exceljs');
}

const L = {
  zh: {
    noFile: '该文件已关闭，请重新打开。',
    annotated: (n: number) => `已标注 ${n} 个单元格`,
    notMarked: '尚未标注：请先运行检查并点击“标注”，再下载带标注的副本。',
    mergeNone: '所选文件中没有可汇总的表格（附件3 推荐汇总表或申报登记表）。',
    mergeFew: '请至少打开一个文件再汇总。',
    merged: (parts: string) => `汇总表：${parts}`,
    rows: (sheet: string, n: number) => `${sheet} ${n} 行`,
    template: (kind: string) => `模板 ${kind}`,
    noticeNone: '该工作簿中没有可生成公示名单的推荐表（附件3 或申报登记表）。',
    noticeRows: (n: number) => `公示名单 ${n} 行，身份证号和电话已按本奖项的规则遮盖`,
    workbook: '当前工作簿',
    tallyGone: '名额统计结果已过期（之后又统计过），请重新统计后再插入名额核对表。',
  },
  en: {
    noFile: 'That file was closed; open it again.',
    annotated: (n: number) => `${n} cells marked`,
    notMarked: 'Nothing is marked yet: run the check and click Mark, then download the marked copy.',
    mergeNone: 'The chosen files hold no table to merge (Annex 3 summary tables or application registers).',
    mergeFew: 'Open at least one file before merging.',
    merged: (parts: string) => `Master list: ${parts}`,
    rows: (sheet: string, n: number) => `${sheet} ${n} rows`,
    template: (kind: string) => `template ${kind}`,
    noticeNone: 'This workbook holds no nomination table to make a public notice from (Annex 3 or a register).',
    noticeRows: (n: number) => `${n} rows, ID numbers and phones masked by the award's policy`,
    workbook: 'current workbook',
    tallyGone: 'That tally was replaced by a later one: tally again, then insert the quota sheet.',
  },
};

class Refusal extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
  text(lang: Lang): string {
    return lang === 'en' ? this.en : this.zh;
  }
}

/** A built-in award by id, or a user's profile JSON; a bad one is refused with the engine's own message. */
function profileFor(choice: ProfileChoice): Profile {
  try {
    return 'id' in choice ? getProfile(choice.id) : loadProfileText(choice.json, 'profile.json');
  } catch (e) {
    if (e instanceof ProfileError) throw new Refusal(e.format('zh'), e.format('en'));
    throw e;
  }
}

function templateFileName(kind: TemplateDownload): string {
  return { annex3: '附件3 推荐对象汇总表', 'qc-stats': '附件7 QC小组活动统计表', 'team-stats': '附件12 质量信得过班组活动统计表', quota: '附件2 推荐名额表', register: '申报登记表' }[kind];
}

async function buildTemplate(kind: TemplateDownload): Promise<Workbook> {
  if (kind === 'annex3') return (await import(/* webpackChunkName: "template" */ '../xlsx/template')).buildAnnex3Workbook();
  if (kind === 'qc-stats' || kind === 'team-stats') return (await import(/* webpackChunkName: "template-stats" */ '../xlsx/template-stats')).buildStatsWorkbook(kind);
  const q = await import(/* webpackChunkName: "template-quota" */ '../xlsx/template-quota');
  return kind === 'quota' ? q.buildQuotaWorkbook() : q.buildRegisterWorkbook();
}

/** Posts a message to the page (with the buffers to transfer). */
export type Post = (msg: WorkerMessage, transfer?: Transferable[]) => void;

/** The requests of the page, over the workbooks it opened; `post` sends snapshots, grid slices and progress. */
export function workbookJobs(post: Post): { handle(req: WorkerRequest): Promise<{ value: unknown; transfer?: Transferable[] }>; errorOf(e: unknown, req: WorkerRequest): WorkerError } {
  const files = new Map<string, Open>();

  /** Pushes the file's snapshot; the active sheet's view too when its cells or the shown sheet changed. */
  function pushSnapshot(file: string): void {
    const o = files.get(file);
    if (!o) return;
    const snap = o.host.getSnapshot();
    const changed = !o.lastView || o.lastView.dataVersion !== snap.dataVersion || o.lastView.sheet !== snap.activeSheet;
    let view;
    if (changed) {
      if (o.lastView && o.lastView.sheet !== snap.activeSheet) o.wantRows = FIRST_VIEW_ROWS;
      view = o.host.sheetView(Math.min(MAX_ROWS, o.wantRows));
      o.lastView = { dataVersion: snap.dataVersion, sheet: snap.activeSheet };
    }
    post(changed ? { event: 'snapshot', file, snap, view } : { event: 'snapshot', file, snap });
  }

  function openFile(file: string): Open {
    const o = files.get(file);
    if (!o) throw new Refusal(L.zh.noFile, L.en.noFile);
    return o;
  }

  async function handle(req: WorkerRequest): Promise<{ value: unknown; transfer?: Transferable[] }> {
    switch (req.op) {
      case 'open': {
        const host = new GridHost({ lang: req.lang, excelJS: loadExcelJS });
        const o: Open = { host, name: req.name, lang: req.lang, marked: [], lastView: null, wantRows: FIRST_VIEW_ROWS, checks: new CheckSession(), tally: null };
        files.set(req.file, o);
        host.subscribe(() => pushSnapshot(req.file));
        await host.loadBytes(req.bytes, req.name);
        return { value: null };
      }
      case 'close':
        files.delete(req.op === 'close' ? req.file : '');
        return { value: null };
      case 'call': {
        const o = openFile(req.file);
        let value: unknown;
        if (req.method === 'settingGet') value = await o.host.settings.get(req.args[0] as string);
        else if (req.method === 'settingSet') value = await o.host.settings.set(req.args[0] as string, req.args[1] as string);
        else {
          const method = o.host[req.method] as (...args: unknown[]) => Promise<unknown>;
          // Progress callbacks stay in the worker: the page shows the step; the calls are short per chunk.
          value = await method.apply(o.host, req.args);
        }
        if (req.method === 'mark') o.marked = req.args[0] as LocatedFinding[];
        if (req.method === 'clearMarks') o.marked = [];
        return { value };
      }
      case 'insertSheet': {
        const o = openFile(req.file);
        const { base64, spec } = req;
        return {
          value: await o.host.insertSheet({
            name: req.name,
            formulas: req.formulas,
            base64: base64 === undefined ? undefined : async () => base64,
            spec: spec === undefined ? undefined : async () => spec,
          }),
        };
      }
      case 'activate':
        openFile(req.file).host.activate(req.sheet);
        return { value: null };
      case 'view': {
        const o = openFile(req.file);
        o.wantRows = Math.min(MAX_ROWS, Math.max(o.wantRows, req.rows));
        return { value: o.host.sheetView(o.wantRows) };
      }
      case 'readGrid': {
        const grid = await openFile(req.file).host.readWorkbook(req.scope);
        const skeleton = {
          name: grid.name,
          sheets: grid.sheets.map((sh, i) => {
            for (let from = 0; from < sh.values.length; from += GRID_CHUNK_ROWS) {
              post({
                event: 'gridChunk',
                id: req.id,
                sheet: i,
                from,
                values: sh.values.slice(from, from + GRID_CHUNK_ROWS),
                formats: sh.numberFormats?.slice(from, from + GRID_CHUNK_ROWS),
              });
            }
            return { ...sh, values: [], numberFormats: sh.numberFormats ? [] : undefined };
          }),
        };
        return { value: skeleton };
      }
      case 'check': {
        const o = openFile(req.file);
        const progress = (p: Progress) => post({ event: 'progress', id: req.id, progress: p });
        const profile = profileFor(req.profile);
        const grid = await o.host.readWorkbook(req.scope, progress);
        progress({ step: 'check', done: 0, total: 0 });
        return { value: o.checks.check(grid, { file: req.name, lang: req.lang, profile, today: req.today }) };
      }
      case 'insertNotice': {
        const o = openFile(req.file);
        const progress = (p: Progress) => post({ event: 'progress', id: req.id, progress: p });
        const grid = await o.host.readWorkbook('active', progress);
        progress({ step: 'notice', done: 0, total: 0 });
        const { noticeJob } = await import(/* webpackChunkName: "notice-job" */ '../worker/jobs');
        const taken = await o.host.sheetNames();
        const out = await noticeJob(
          { workbook: { file: req.name, grid }, lang: req.lang, profile: req.profile, drop: req.drop, takenSheetNames: taken },
          { progress: () => undefined, cancelled: () => false },
        );
        const written: InsertedSheet[] = [];
        if (!out.leak) {
          for (const spec of out.sheets) {
            progress({ step: 'writeSheets', done: 0, total: spec.rowCount, unit: 'rows' });
            const name = await o.host.insertSheet({ name: spec.name, spec: async () => spec }, (p) => progress({ step: 'writeSheets', done: p.done, total: p.total, unit: p.unit }));
            written.push({ wanted: spec.name, name, rows: spec.rowCount - 1 });
          }
          if (written.length) await o.host.selectCell(written[0].name, 'A1');
        }
        // The sheets are in the workbook now: they do not travel back to the page.
        return { value: { out: { ...out, sheets: [] }, written } };
      }
      case 'tally': {
        const o = openFile(req.file);
        const progress = (p: Progress) => post({ event: 'progress', id: req.id, progress: p });
        const profile = profileFor(req.profile);
        const grid = await o.host.readWorkbook('all', progress);
        progress({ step: 'tally', done: 0, total: 0 });
        const state = tallyWorkbook(grid, req.name, req.choice, req.lang, profile);
        o.tally = { id: ++tallies, state };
        return { value: { tallyId: o.tally.id, ...toTallyView(state) } };
      }
      case 'insertTallySheet': {
        const o = openFile(req.file);
        if (!o.tally || o.tally.id !== req.tallyId) throw new Refusal(L.zh.tallyGone, L.en.tallyGone);
        const { tallySheetPayload } = await import(/* webpackChunkName: "tally-sheet" */ '../taskpane/tally-sheet-payload');
        return { value: await o.host.insertSheet(tallySheetPayload(o.tally.state.run, o.tally.state.profile, req.quotaSource)) };
      }
      case 'fillPlan':
        return { value: openFile(req.file).checks.plan(req.checkId, req.options) };
      case 'cells': {
        const ws = openFile(req.file).host.worksheet(req.sheet);
        const out: string[][] = [];
        ws?.eachRow((row, n) => {
          out[n - 1] = Array.from((row.values as unknown[]).slice(1), (v) => {
            if (v === null || v === undefined) return '';
            if (typeof v === 'object' && 'formula' in v) return `=${(v as { formula: string }).formula}`;
            if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
            if (v instanceof Date) return v.toISOString();
            return String(v);
          });
        });
        return { value: Array.from(out, (r) => r ?? []) };
      }
      case 'download': {
        const o = openFile(req.file);
        const wb = o.host.workbook();
        if (!wb) throw new Refusal(L.zh.noFile, L.en.noFile);
        const t = L[o.lang];
        let result: DownloadResult;
        if (req.kind === 'workbook') {
          result = { bytes: await writeBytes(wb), name: `${stem(o.name)}（已填充）.xlsx`, summary: t.workbook };
          if (o.lang === 'en') result.name = `${stem(o.name)} (filled).xlsx`;
        } else if (req.kind === 'notice') {
          const { noticeWorkbook } = await import(/* webpackChunkName: "merge" */ './merge-files');
          const notice = noticeWorkbook({ name: o.name, wb }, o.lang);
          if (!notice) throw new Refusal(L.zh.noticeNone, L.en.noticeNone);
          result = { bytes: await writeBytes(notice.wb), name: o.lang === 'en' ? `${stem(o.name)} (public notice).xlsx` : `${stem(o.name)}（公示）.xlsx`, summary: t.noticeRows(notice.rows) };
        } else {
          if (o.marked.length === 0) throw new Refusal(L.zh.notMarked, L.en.notMarked);
          // A copy: the workbook on the page keeps its own cells (marks there are an overlay).
          const ExcelJS = await loadExcelJS();
          const copy = new ExcelJS.Workbook();
          await copy.xlsx.load(await writeBytes(wb));
          const { annotateWorkbook } = await import(/* webpackChunkName: "annotate" */ '../xlsx/annotate-workbook');
          const cells = annotateWorkbook(copy, o.marked, o.lang);
          result = { bytes: await writeBytes(copy), name: o.lang === 'en' ? `${stem(o.name)} (marked).xlsx` : `${stem(o.name)}（标注）.xlsx`, summary: t.annotated(cells) };
        }
        return { value: result, transfer: [result.bytes] };
      }
      case 'merge': {
        const t = L[req.lang];
        const chosen = req.files.map((f) => openFile(f));
        if (chosen.length === 0) throw new Refusal(L.zh.mergeFew, L.en.mergeFew);
        const { mergeWorkbooks } = await import(/* webpackChunkName: "merge" */ './merge-files');
        const merged = mergeWorkbooks(
          chosen.map((o) => ({ name: o.name, wb: o.host.workbook() as Workbook })),
          req.lang,
        );
        if (!merged) throw new Refusal(L.zh.mergeNone, L.en.mergeNone);
        const bytes = await writeBytes(merged.wb);
        const result: DownloadResult = {
          bytes,
          name: req.lang === 'en' ? 'merged.xlsx' : '汇总表.xlsx',
          summary: t.merged(merged.sheets.map((s) => t.rows(s.name, s.rows)).join(req.lang === 'en' ? ', ' : '，')),
        };
        return { value: { ...result, findings: merged.findings, errors: merged.errors }, transfer: [bytes] };
      }
      case 'template': {
        const wb = await buildTemplate(req.kind);
        const bytes = await writeBytes(wb);
        const result: DownloadResult = { bytes, name: `${templateFileName(req.kind)}.xlsx`, summary: L.zh.template(req.kind) };
        return { value: result, transfer: [bytes] };
      }
    }
  }

  const errorOf = (e: unknown, req: WorkerRequest): WorkerError => toError(e, 'lang' in req ? req.lang : files.get('file' in req ? req.file : '')?.lang ?? 'zh');
  return { handle, errorOf };
}
