/**
 * The order of findings (SPEC §7: stable across runs): sheet, row, column, severity, then the catalogue's order
 * of rules. Checked on workbooks large enough to take the engine's counting sort (more than 256 findings) and on
 * small ones, against a plain comparator sort of the same findings.
 */
import { checkWorkbook, type LocatedFinding } from '../../src/core/check';
import { compareSeverity } from '../../src/core/finding';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { RULE_IDS } from '../../src/core/rules';
import { personId } from '../helpers/ids';

const HEADER = ['序号', '姓名', '性别', '民族', '政治\n面貌', '学历\n学位', '工作单位', '单位\n性质', '职务', '身份证号', '联系电话', '备注'];
const TITLE = '推荐单位（盖章）：伊宁市市场监督管理局    填表日期：2025年11月3日';

/** Rows with several findings each (wrong 序号, a synonym, a bad phone, a wrong check digit, a duplicate name). */
function sheet(name: string, n: number): SheetGrid {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const id = personId('19800101', String(100 + (i % 800)).padStart(3, '0'));
    rows.push([
      i % 7 === 0 ? i + 2 : i + 1,
      `测试${i % 50}`,
      i % 5 === 0 ? '男性' : '男',
      i % 3 === 0 ? '维族' : '汉族',
      '群众',
      '大学本科',
      '示例单位',
      i % 2 === 0 ? '事业单位' : '事业',
      '职员',
      i % 11 === 0 ? id.slice(0, 17) + (id[17] === '1' ? '2' : '1') : id,
      i % 4 === 0 ? '1380013800' : '13800138000',
      null,
    ]);
  }
  return { name, values: [[TITLE], HEADER, ...rows] };
}

function expectOrdered(findings: LocatedFinding[], sheets: string[]): void {
  const ruleIx = new Map(RULE_IDS.map((id, i) => [id, i]));
  const key = (f: LocatedFinding) => [sheets.indexOf(f.sheet), f.row, f.col];
  for (let k = 1; k < findings.length; k++) {
    const a = findings[k - 1];
    const b = findings[k];
    const [sa, ra, ca] = key(a);
    const [sb, rb, cb] = key(b);
    const cmp = sa - sb || ra - rb || ca - cb || compareSeverity(a.severity, b.severity) || ruleIx.get(a.rule)! - ruleIx.get(b.rule)!;
    expect(cmp).toBeLessThanOrEqual(0);
  }
}

describe('order of findings', () => {
  it('is sheet, row, column, severity, catalogue order on a large workbook (counting sort)', () => {
    const sheets = ['乙表', '甲表'];
    const r = checkWorkbook({ name: 'big', sheets: [sheet(sheets[0], 600), sheet(sheets[1], 400)] }, { file: 'big.xlsx', today: { y: 2025, m: 11, d: 20 } });
    expect(r.findings.length).toBeGreaterThan(1000);
    expectOrdered(r.findings, sheets);
  });

  it('is the same order on a small workbook (comparator sort)', () => {
    const r = checkWorkbook({ name: 'small', sheets: [sheet('表', 20)] }, { file: 'small.xlsx', today: { y: 2025, m: 11, d: 20 } });
    expect(r.findings.length).toBeGreaterThan(10);
    expect(r.findings.length).toBeLessThan(256);
    expectOrdered(r.findings, ['表']);
  });

  it('does not depend on the run: two runs give the same list', () => {
    const wb = { name: 'big', sheets: [sheet('表', 700)] };
    const opts = { file: 'big.xlsx', today: { y: 2025, m: 11, d: 20 } };
    expect(checkWorkbook(wb, opts).findings).toEqual(checkWorkbook(wb, opts).findings);
  });
});
