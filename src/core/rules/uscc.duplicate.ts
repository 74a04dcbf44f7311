/**
 * uscc.duplicate — the same organisation twice: one 统一社会信用代码 in two rows of one table, of two tables or
 * sheets, or of two workbooks being consolidated. Compared on the compact form of every 18-character code from
 * the GB 32100-2015 alphabet (checksum errors included). Every later occurrence is reported, naming the first.
 */
import { reportDuplicateCells, usccCells, usccKeys } from './id-common';
import type { RunRule } from './rule';

export const rule: RunRule = {
  meta: {
    id: 'uscc.duplicate',
    scope: 'run',
    severity: 'error',
    kinds: ['annex3.collective'],
    docs: {
      zh: '同一统一社会信用代码不得重复推荐（同表、跨工作表或跨工作簿）',
      en: 'The same unified social credit code must not be nominated twice (in a table, across sheets or across workbooks)',
    },
    messages: {
      duplicate: {
        zh: '统一社会信用代码与工作表“{sheet}”的 {cell} 重复',
        en: 'Same unified social credit code as sheet "{sheet}", cell {cell}',
      },
      duplicateOtherFile: {
        zh: '统一社会信用代码与文件“{file}”工作表“{sheet}”的 {cell} 重复',
        en: 'Same unified social credit code as file "{file}", sheet "{sheet}", cell {cell}',
      },
    },
  },
  checkRun(run) {
    reportDuplicateCells(run, (ref) => usccKeys(usccCells(ref.ctx)));
  },
};
