/**
 * id.duplicate — the same person twice: an ID number in two rows of one table, of two tables or sheets, or of
 * two workbooks being consolidated. Compared on the 18-digit form (a 15-digit number equals its 18-digit form)
 * of every value with an ID's shape; numbers whose digits were lost (id.precision-lost) are not compared.
 * Every later occurrence is reported, naming the first.
 */
import { idColumn, idKeys, reportDuplicateCells } from './id-common';
import type { RunRule } from './rule';

export const rule: RunRule = {
  meta: {
    id: 'id.duplicate',
    scope: 'run',
    severity: 'error',
    kinds: ['annex3.individual'],
    docs: {
      zh: '同一身份证号不得重复推荐（同表、跨工作表或跨工作簿）',
      en: 'The same ID number must not be nominated twice (in a table, across sheets or across workbooks)',
    },
    messages: {
      duplicate: {
        zh: '身份证号与工作表“{sheet}”的 {cell} 重复',
        en: 'Same ID number as sheet "{sheet}", cell {cell}',
      },
      duplicateOtherFile: {
        zh: '身份证号与文件“{file}”工作表“{sheet}”的 {cell} 重复',
        en: 'Same ID number as file "{file}", sheet "{sheet}", cell {cell}',
      },
    },
  },
  checkRun(run) {
    reportDuplicateCells(run, (ref) => idKeys(idColumn(ref.ctx)));
  },
};
