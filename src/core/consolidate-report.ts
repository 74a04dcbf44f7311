/**
 * What consolidation reports beside the master sheets (SPEC §6 Consolidate): the 核查结果 sheet (every finding of
 * the run with its source file, sheet and cell, and the master row it concerns), the 未报送 list (regions of the
 * quota table or profile from which no workbook came), and the split per 推荐单位 (`merge --split-by 推荐单位`: one
 * workbook per county with its rows and findings, to send back for correction). Pure: the consolidation and the
 * findings in, rows of cell values out.
 */
import type { CellValue } from './grid';
import type { Finding, Lang, Severity } from './finding';
import { compareSeverity } from './finding';
import {
  MASTER_SHEET_NAMES,
  RECOMMENDER_ROLE,
  SEQ_ROLE,
  sourceNames,
  type Consolidation,
  type MasterSheet,
} from './consolidate';
import { regionKey, RegionMatcher, type TallyDetail } from './tally';

export const FINDINGS_SHEET_NAME = '核查结果';
export const NOT_SUBMITTED_SHEET_NAME = '未报送';

const SEVERITY_TEXT: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const FINDING_COLUMNS = {
  zh: ['序号', '来源文件', '来源工作表', '单元格', '级别', '规则', '说明', '原值', '建议', '汇总表位置'],
  en: ['No.', 'Source file', 'Source sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Value', 'Fix', 'Master row'],
};

/** A finding of the run as a row of the 核查结果 sheet, with the master row it concerns (when it is one). */
export interface FindingRow {
  finding: Finding & { row?: number };
  fileName: string;
  /** The master sheet and its 0-based data row, when the finding is on a consolidated row. */
  master: { sheet: string; row: number } | null;
  /** The 推荐单位 the finding belongs to (its row's, else the file's first), for --split-by. */
  recommender: string | null;
}

/** Rows of the 核查结果 sheet: every finding, errors first, then in file order (stable). */
export function findingRows(c: Consolidation, findings: readonly (Finding & { row?: number })[], files: readonly string[]): FindingRow[] {
  const names = sourceNames(files);
  const nameOf = new Map(files.map((f, i) => [f, names[i]]));
  // The 推荐单位 of each file: that of its first consolidated row.
  const fileRecommender = new Map<string, string>();
  for (const s of c.sheets) {
    const rc = s.columns.findIndex((x) => x.role === RECOMMENDER_ROLE);
    s.sources.forEach((src, i) => {
      if (!fileRecommender.has(src.file)) fileRecommender.set(src.file, String(s.rows[i][rc] ?? ''));
    });
  }
  const out: FindingRow[] = findings.map((f) => {
    const master = f.row === undefined ? null : c.masterRowOf(f.file, f.sheet, f.row);
    let recommender: string | null = null;
    if (master) {
      const s = c.sheets.find((x) => x.name === master.sheet)!;
      recommender = String(s.rows[master.row][c.recommenderCol] ?? '');
    } else recommender = fileRecommender.get(f.file) ?? null;
    return { finding: f, fileName: nameOf.get(f.file) ?? f.file, master, recommender };
  });
  // Stable: severity first, then the order of the run (file, sheet, row, as the checker gave them).
  return out.map((r, i) => ({ r, i })).sort((a, b) => compareSeverity(a.r.finding.severity, b.r.finding.severity) || a.i - b.i).map((x) => x.r);
}

/** The 核查结果 sheet's cell values (header first). `masterRef` turns a master row into its A1 reference. */
export function findingSheetValues(rows: readonly FindingRow[], lang: Lang, masterRef: (m: { sheet: string; row: number }) => string): CellValue[][] {
  const out: CellValue[][] = [FINDING_COLUMNS[lang].slice()];
  rows.forEach((r, i) => {
    const f = r.finding;
    out.push([i + 1, r.fileName, f.sheet, f.cell, SEVERITY_TEXT[lang][f.severity], f.rule, f.message, f.value ?? null, f.fix ?? null, r.master ? masterRef(r.master) : null]);
  });
  return out;
}

/** A region of the quota from which nothing readable came; `file`: an unreadable input named after it. */
export interface MissingRegion {
  region: string;
  unreadableFile: string | null;
}

/**
 * Regions of the quota (the run's quota table, else the profile's) from which no workbook came: no consolidated
 * row is counted under them and no 附件3 title line names them. Empty without a quota. An unreadable input whose
 * file name holds the region's name is given beside it (the county did send something: ask it again).
 */
export function notSubmitted(detail: TallyDetail, unreadableFiles: readonly string[] = []): MissingRegion[] {
  const q = detail.quota;
  if (!q) return [];
  const matcher = new RegionMatcher(q.regions);
  const came = new Set<number>();
  const note = (name: string | null | undefined) => {
    if (!name) return;
    const m = matcher.match(name);
    if (m.index >= 0) came.add(m.index);
  };
  detail.tables.forEach((t, i) => {
    if (t.table.kind === 'qc.quota') return;
    note(t.table.title?.recommender);
    for (const row of t.table.rows) note(detail.bucketOf(i, row));
  });
  const names = sourceNames(unreadableFiles);
  return q.regions
    .filter((_, i) => !came.has(i))
    .map((r) => {
      const k = regionKey(r.name);
      const f = names.findIndex((n) => k !== '' && regionKey(n).includes(k));
      return { region: r.name, unreadableFile: f >= 0 ? names[f] : null };
    });
}

/** One county's part of a consolidation (--split-by 推荐单位). */
export interface CountyPart {
  recommender: string;
  sheets: MasterSheet[];
  findings: FindingRow[];
}

/**
 * The master sheets and findings split by 推荐单位, in order of first appearance; each part's 序号 renumbered
 * 1…n (the county's own 序号 stays in 原序号). Findings outside any master row go to their file's 推荐单位.
 */
export function splitByRecommender(c: Consolidation, findings: readonly FindingRow[]): CountyPart[] {
  const parts = new Map<string, CountyPart>();
  const partOf = (rec: string) => {
    let p = parts.get(regionKey(rec));
    if (!p) parts.set(regionKey(rec), (p = { recommender: rec, sheets: [], findings: [] }));
    return p;
  };
  for (const s of c.sheets) {
    const seq = s.columns.findIndex((x) => x.role === SEQ_ROLE);
    const byRec = new Map<string, number[]>();
    s.rows.forEach((r, i) => {
      const rec = String(r[c.recommenderCol] ?? '');
      partOf(rec);
      const k = regionKey(rec);
      let l = byRec.get(k);
      if (!l) byRec.set(k, (l = []));
      l.push(i);
    });
    for (const [k, idx] of byRec) {
      const p = parts.get(k)!;
      const rows = idx.map((i, n) => {
        const r = s.rows[i].slice();
        if (seq >= 0) r[seq] = n + 1;
        return r;
      });
      const dupGroup = Int32Array.from(idx.map((i) => s.dupGroup[i]));
      p.sheets.push({ ...s, rows, sources: idx.map((i) => s.sources[i]), dupGroup });
    }
  }
  for (const f of findings) {
    const rec = f.recommender ?? '';
    partOf(rec).findings.push(f);
  }
  return [...parts.values()];
}

/** A file name for a county's workbook: the 推荐单位 with characters no file system accepts replaced. */
export function countyFileName(recommender: string, used: Set<string>): string {
  let base = recommender.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80) || '未注明推荐单位';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = '_' + base;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  used.add(name.toLowerCase());
  return name;
}

export { MASTER_SHEET_NAMES };
