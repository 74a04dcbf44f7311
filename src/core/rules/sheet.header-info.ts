/**
 * sheet.header-info — the `推荐单位（盖章）：… 填表日期：…年…月…日` line above the 附件3 tables is missing, or its
 * 推荐单位 or 填表日期 is empty or not a date (SPEC §3). The 填表日期 is also the reference date for ages.
 *
 * Reported at the title line's first cell, or at the table's first header cell when there is no title line; and
 * once per title line, not once per table: the tables on one sheet share one title line, so only the first table
 * under it reports. A table is the first when no row between the title line (or the sheet's top) and its header
 * looks like a table row (three or more filled cells) — a stateless test, so checking a table alone or twice
 * gives the same answer.
 */
import { isEmptyValue } from '../grid';
import type { TableContext, TableRule } from './rule';

/** True when an earlier table (a row with 3+ filled cells) lies between `from` (exclusive) and the header. */
function tableAbove(ctx: TableContext, from: number): boolean {
  const sheet = ctx.sheet;
  for (let r = Math.max(from + 1, sheet.top); r < ctx.table.headerRow; r++) {
    let filled = 0;
    for (let c = sheet.left; c < sheet.right; c++) {
      if (!isEmptyValue(sheet.value(r, c)) && ++filled >= 3) return true;
    }
  }
  return false;
}

export const rule: TableRule = {
  meta: {
    id: 'sheet.header-info',
    severity: 'warning',
    kinds: ['annex3.collective', 'annex3.individual'],
    docs: {
      zh: '表头行“推荐单位（盖章）：… 填表日期：…年…月…日”缺失，或推荐单位、填表日期未填或日期无效',
      en: 'The 推荐单位 / 填表日期 line is missing, or the recommending unit or form date is empty or not a date',
    },
    messages: {
      noTitle: {
        zh: '未找到“推荐单位（盖章）：… 填表日期：…年…月…日”行，请在表格上方填写推荐单位和填表日期',
        en: 'No "推荐单位 … 填表日期 …" line found; write the recommending unit and the form date above the table',
      },
      recommenderMissing: {
        zh: '未填写推荐单位（“推荐单位（盖章）：”后为空）',
        en: 'The recommending unit (推荐单位) is not filled in',
      },
      dateMissing: {
        zh: '未填写填表日期（应写作如 2025年11月3日）',
        en: 'The form date (填表日期) is not filled in (write e.g. 2025年11月3日)',
      },
      dateInvalid: {
        zh: '填表日期“{date}”不是有效日期（应写作如 2025年11月3日）',
        en: 'The form date "{date}" is not a valid date (write e.g. 2025年11月3日)',
      },
    },
  },
  check(ctx) {
    const t = ctx.table;
    const title = t.title;
    if (title === null) {
      if (tableAbove(ctx, ctx.sheet.top - 1)) return;
      ctx.report({ row: t.headerRow, col: t.left, messageId: 'noTitle', value: null });
      return;
    }
    if (tableAbove(ctx, title.row)) return;
    const at = { row: title.row, col: title.col };
    if (title.recommender === null || title.recommender.trim() === '') {
      ctx.report({ ...at, messageId: 'recommenderMissing' });
    }
    const dateText = title.formDateText?.trim() ?? '';
    if (title.formDate !== null) return;
    // Digits or Chinese numerals (二〇二五年…) that do not make a date are an invalid date, not a missing one.
    if (!/[\d〇○零一二三四五六七八九十]/.test(dateText)) ctx.report({ ...at, messageId: 'dateMissing' });
    else ctx.report({ ...at, messageId: 'dateInvalid', data: { date: dateText } });
  },
};
