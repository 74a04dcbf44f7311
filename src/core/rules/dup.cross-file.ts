/**
 * dup.cross-file — the same organisation or person nominated in two of the workbooks being consolidated (SPEC §3,
 * §6 Consolidate). Identity, in this order: 统一社会信用代码 (GB 32100-2015, compact form), 身份证号 (18-digit form,
 * GB 11643-1999), then the organisation's name after normalisation (先进集体名称; a register row's 名称 + 企业名称,
 * or its 企业名称 alone when the application is the enterprise itself), and for a person 姓名 + 工作单位 whenever one
 * of the two rows lacks a valid ID (spaces and the middle dots of Uyghur and Kazakh names unified: 努尔艾力·阿不都热合曼
 * = 努尔艾力.阿不都热合曼); two rows with different valid IDs are two people whatever their names. Each row of a later
 * workbook that matches a row of an earlier one is reported once, naming the first place. Within one workbook
 * duplicates are the business of id.duplicate, uscc.duplicate and name.duplicate.
 */
import { a1 } from '../grid';
import { idColumn, idKeys, usccCells, usccKeys } from './id-common';
import { matchKey } from './quota-common';
import { nameKey } from '../normalize';
import { inspect as inspectId } from '../identifiers/resident-id';
import type { RunRule, TableRef } from './rule';

interface Place {
  ref: TableRef;
  row: number;
  col: number;
}

type Why = 'uscc' | 'id' | 'name' | 'person';

/** Keys of each data row of a table, in order of precedence, with the cell each is read from. */
function rowKeys(ref: TableRef): Map<number, { key: string; why: Why; col: number }[]> {
  const out = new Map<number, { key: string; why: Why; col: number }[]>();
  const add = (row: number, key: string, why: Why, col: number) => {
    if (key === '') return;
    let l = out.get(row);
    if (!l) out.set(row, (l = []));
    l.push({ key: `${why}:${key}`, why, col });
  };
  const ctx = ref.ctx;
  if (ctx.has('uscc')) {
    const k = usccKeys(usccCells(ctx));
    for (let i = 0; i < k.size; i++) add(k.row(i), k.key(i), 'uscc', k.col(i));
  }
  if (ctx.has('residentId')) {
    const k = idKeys(idColumn(ctx));
    for (let i = 0; i < k.size; i++) add(k.row(i), k.key(i), 'id', k.col(i));
  }
  const kind = ref.table.kind;
  if (kind === 'annex3.collective' && ctx.has('collectiveName')) {
    for (const row of ref.table.rows) {
      const name = nameKey(ctx.text(row, 'collectiveName'));
      if (name !== '') add(row, `org:${name}`, 'name', ctx.col('collectiveName'));
    }
  } else if (kind === 'annex3.individual' && ctx.has('name') && ctx.has('employer')) {
    for (const row of ref.table.rows) {
      const name = nameKey(ctx.text(row, 'name'));
      const employer = nameKey(ctx.text(row, 'employer'));
      if (name !== '' && employer !== '') add(row, `${name}|${employer}`, 'person', ctx.col('name'));
    }
  } else if (kind === 'qc.register' && ctx.has('name')) {
    for (const row of ref.table.rows) {
      const name = nameKey(ctx.text(row, 'name'));
      const ent = matchKey(ctx.text(row, 'enterprise'));
      if (name === '') continue;
      add(row, name === ent || ent === '' ? `org:${name}` : `app:${name}|${ent}`, 'name', ctx.col('name'));
    }
  }
  return out;
}

export const rule: RunRule = {
  meta: {
    id: 'dup.cross-file',
    scope: 'run',
    acrossFiles: true,
    severity: 'error',
    kinds: ['annex3.collective', 'annex3.individual', 'qc.register'],
    docs: {
      zh: '同一单位或个人出现在两个汇总的工作簿中（按统一社会信用代码、身份证号或名称）',
      en: 'The same organisation or person appears in two consolidated workbooks (credit code, ID number or name)',
    },
    messages: {
      uscc: {
        zh: '统一社会信用代码与文件“{file}”工作表“{sheet}”的 {cell} 相同：同一单位被重复推荐',
        en: 'Same credit code as file "{file}", sheet "{sheet}", cell {cell}: the organisation is nominated twice',
      },
      id: {
        zh: '身份证号与文件“{file}”工作表“{sheet}”的 {cell} 相同：同一人被重复推荐',
        en: 'Same ID number as file "{file}", sheet "{sheet}", cell {cell}: the person is nominated twice',
      },
      name: {
        zh: '“{value}”与文件“{file}”工作表“{sheet}”的 {cell} 为同一名称：可能被重复推荐',
        en: '"{value}" has the same name as file "{file}", sheet "{sheet}", cell {cell}: possibly nominated twice',
      },
      person: {
        zh: '“{value}”与文件“{file}”工作表“{sheet}”的 {cell} 姓名、工作单位相同（至少一方无有效身份证号）：可能被重复推荐',
        en: '"{value}" has the same name and employer as file "{file}", sheet "{sheet}", cell {cell} (one of them without a valid ID): possibly nominated twice',
      },
    },
  },
  checkRun(run) {
    const files = new Set(run.tables.map((t) => t.file));
    if (files.size < 2) return;
    const first = new Map<string, Place>();
    // 姓名 + 工作单位: the first row of each key without a valid ID, and the first with one.
    const firstWithout = new Map<string, Place>();
    const validId = (ref: TableRef, row: number) => ref.ctx.has('residentId') && inspectId(ref.ctx.text(row, 'residentId')).status === 'ok';
    for (const ref of run.tables) {
      const byRow = rowKeys(ref);
      for (const row of ref.table.rows) {
        const keys = byRow.get(row);
        if (!keys) continue;
        let reported = false;
        for (const k of keys) {
          let at: Place | undefined;
          if (k.why === 'person') {
            const hasId = validId(ref, row);
            // A row with a valid ID matches only a row without one; a row without matches any.
            at = firstWithout.get(k.key) ?? (hasId ? undefined : first.get(k.key));
            if (!hasId && !firstWithout.has(k.key)) firstWithout.set(k.key, { ref, row, col: k.col });
            if (!first.has(k.key)) first.set(k.key, { ref, row, col: k.col });
            if (at && at.ref === ref && at.row === row) at = undefined;
            if (!at) continue;
          } else {
            at = first.get(k.key);
            if (!at) {
              first.set(k.key, { ref, row, col: k.col });
              continue;
            }
          }
          if (reported || at.ref.file === ref.file) continue;
          reported = true;
          run.report(ref, {
            row,
            col: k.col,
            messageId: k.why,
            data: { file: at.ref.file, sheet: at.ref.sheet.name, cell: a1(at.row, at.col), value: ref.ctx.text(row, ref.table.kind === 'annex3.collective' ? 'collectiveName' : 'name') },
            fix: null,
          });
        }
      }
    }
  },
};
