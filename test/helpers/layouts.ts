/**
 * Sheets laid out the way counties type the 附件3 tables (SPEC §2 "What counties really type"), for the rule case
 * tables: pages with the header typed again, 小计 rows, merged cells, helper columns, tables side by side.
 */
import type { CellValue } from '../../src/core/grid';
import { DEFAULT_TITLE } from './rule-tester';

export const IND_HEADER = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注'];
export const COL_HEADER = ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'];

/** Valid IDs (GB 11643-1999 check characters computed), distinct, adults in 2025. */
export const IDS = [
  '11010519491231002X',
  '654002198001010010',
  '654002198502020022',
  '65400219900303001X',
  '654002197504040030',
  '654002196805050027',
  '654002199206060040',
  '654002198807070012',
];

/** One individual's row: 序号 n, a distinct name and ID, valid defaults; `over` replaces cells by header label. */
export function person(n: number, over: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    序号: n,
    姓名: `测试${'甲乙丙丁戊己庚辛'[(n - 1) % 8]}${n}`,
    性别: '男',
    民族: '汉族',
    政治面貌: '中共党员',
    学历学位: '大学本科',
    工作单位: `伊宁市第${n}示例公司`,
    单位性质: '企业',
    职务: '经理',
    身份证号: IDS[(n - 1) % IDS.length],
    联系电话: '13800138000',
    备注: null,
  };
  const row = { ...base, ...over };
  const idDigit17 = Number(String(row.身份证号).charAt(16));
  if (!('性别' in over) && !Number.isNaN(idDigit17)) row.性别 = idDigit17 % 2 === 1 ? '男' : '女';
  return IND_HEADER.map((h) => row[h] ?? null);
}

/** One collective's row. */
export function collective(n: number, over: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    序号: n,
    先进集体名称: `伊宁市第${n}示例公司质量部`,
    单位性质: '企业',
    负责人姓名: '李四',
    负责人职务: '部长',
    联系人姓名: '王五',
    联系人电话: '0999-8012345',
    备注: null,
  };
  const row = { ...base, ...over };
  return COL_HEADER.map((h) => row[h] ?? null);
}

/** The title line and the individuals' header, then the given rows. */
export function individuals(...rows: CellValue[][]): CellValue[][] {
  return [[DEFAULT_TITLE], IND_HEADER, ...rows];
}

/** Two tables side by side on one header row: collectives in A–H, individuals in J–U (column I empty). */
export function sideBySide(collectives: number, people: number): CellValue[][] {
  const rows: CellValue[][] = [[DEFAULT_TITLE], [...COL_HEADER, null, ...IND_HEADER]];
  for (let i = 1; i <= Math.max(collectives, people); i++) {
    const left = i <= collectives ? collective(i) : COL_HEADER.map(() => null);
    const right = i <= people ? person(i) : IND_HEADER.map(() => null);
    rows.push([...left, null, ...right]);
  }
  return rows;
}
