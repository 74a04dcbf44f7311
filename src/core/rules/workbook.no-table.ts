/**
 * workbook.no-table — no table of any kind was recognised in the workbook (SPEC §3). Without it a workbook typed
 * with other headers passes the check with no finding at all, as if it were clean.
 *
 * The message names the header labels looked for (each kind's identifying columns) and the row that came closest:
 * the row, in the first 500 rows of each sheet, holding the most labels of one form. Reported at that row's first
 * labelled cell, or at the first cell holding anything when no row holds a label; a workbook without a single value
 * (nothing to point at) gets no finding.
 */
import { ALL_FORMS } from '../forms';
import type { FormDef } from '../forms/form';
import { isEmptyValue } from '../grid';
import { headerKey } from '../normalize';
import type { WorkbookRule } from './rule';

const SCAN_ROWS = 500;
const MAX_LEN = 24;

interface Labels {
  form: FormDef;
  /** header key → printed label of its column */
  keys: Map<string, string>;
}

let labelsCache: Labels[] | null = null;
function formLabels(): Labels[] {
  if (labelsCache) return labelsCache;
  labelsCache = ALL_FORMS.map((form) => {
    const keys = new Map<string, string>();
    for (const c of form.columns) {
      keys.set(headerKey(c.label), c.label);
      for (const s of c.synonyms) if (!keys.has(headerKey(s))) keys.set(headerKey(s), c.label);
    }
    for (const c of form.combined ?? []) keys.set(headerKey(c.label), c.label);
    return { form, keys };
  });
  return labelsCache;
}

/** The labels a reader looks for first: each kind's identifying columns, e.g. `附件3 先进个人：姓名`. */
function lookedFor(lang: 'zh' | 'en'): string {
  return ALL_FORMS.map((f) => {
    const names = f.identifying.map((role) => {
      const c = f.columns.find((x) => x.role === role);
      return c ? (lang === 'zh' ? c.label : c.labelEn) : role;
    });
    return `${lang === 'zh' ? f.title.zh : f.title.en}（${names.join('、')}）`;
  }).join('；');
}

export const rule: WorkbookRule = {
  meta: {
    id: 'workbook.no-table',
    scope: 'workbook',
    severity: 'warning',
    kinds: [],
    docs: {
      zh: '工作簿中没有识别出任何一种表格（附件3、统计表、名额表、登记表）',
      en: 'No table of any kind (附件3, statistics, quota, register) was recognised in the workbook',
    },
    messages: {
      closest: {
        zh: '工作簿中未识别出任何表格。查找的表头：{looked}。最接近的是第 {row} 行（{form}，只找到 {found}），请按样表填写表头',
        en: 'No table was recognised in the workbook. Headers looked for: {lookedEn}. The closest is row {row} ({formEn}: only {found} found); type the header as on the form',
      },
      nothing: {
        zh: '工作簿中未识别出任何表格，也没有一行含有这些表头：{looked}。请确认文件是否为推荐对象汇总表、统计表、名额表或登记表',
        en: 'No table was recognised in the workbook and no row holds any of these headers: {lookedEn}. Is this a summary, statistics, quota or register workbook?',
      },
    },
  },
  checkWorkbook(ctx) {
    if (ctx.tables > 0 || ctx.sheets.length === 0) return;
    const all = formLabels();
    let best: { sheetIx: number; row: number; col: number; form: FormDef; found: string[] } | null = null;
    ctx.sheets.forEach((sheet, sheetIx) => {
      const last = Math.min(sheet.bottom, sheet.top + SCAN_ROWS);
      for (let row = sheet.top; row < last; row++) {
        const cells = sheet.grid.values[row - sheet.top];
        if (!cells) continue;
        const keys: { key: string; col: number }[] = [];
        for (let j = 0; j < cells.length; j++) {
          const v = cells[j];
          if (typeof v === 'string' && v.length <= MAX_LEN) keys.push({ key: headerKey(v), col: sheet.left + j });
        }
        if (keys.length === 0) continue;
        for (const { form, keys: known } of all) {
          const found = new Set<string>();
          let col = -1;
          for (const k of keys) {
            const label = known.get(k.key);
            if (label === undefined) continue;
            if (col < 0) col = k.col;
            found.add(label);
          }
          if (found.size > 0 && (!best || found.size > best.found.length)) best = { sheetIx, row, col, form, found: [...found] };
        }
      }
    });
    const looked = lookedFor('zh');
    const lookedEn = lookedFor('en');
    if (best === null) {
      // At the first cell holding anything; a workbook without a single value has no cell to point at.
      for (let i = 0; i < ctx.sheets.length; i++) {
        const sheet = ctx.sheets[i];
        for (let row = sheet.top; row < sheet.bottom; row++) {
          const cells = sheet.grid.values[row - sheet.top];
          const j = cells ? cells.findIndex((v) => !isEmptyValue(v)) : -1;
          if (j < 0) continue;
          ctx.report(i, { row, col: sheet.left + j, messageId: 'nothing', data: { looked, lookedEn }, value: null });
          return;
        }
      }
      return;
    }
    const b: { sheetIx: number; row: number; col: number; form: FormDef; found: string[] } = best;
    ctx.report(b.sheetIx, {
      row: b.row,
      col: b.col,
      messageId: 'closest',
      data: { looked, lookedEn, row: b.row + 1, form: b.form.title.zh, formEn: b.form.title.en, found: b.found.join('、') },
      value: null,
    });
  },
};
