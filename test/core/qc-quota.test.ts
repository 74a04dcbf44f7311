import { Sheet, type CellValue } from '../../src/core/grid';
import { ALL_FORMS } from '../../src/core/forms';
import { isTotalLabel, quotaNumber, quotaRows } from '../../src/core/forms/qc-quota';
import { locateTables } from '../../src/core/locate';
import { checkWorkbook } from '../../src/core/check';
import { seedQuotaSheet } from '../helpers/seed-quota';
import { registerSheet } from '../helpers/quota-tester';

describe('qc.quota: the seed 附件2 as printed', () => {
  const sheet = new Sheet(seedQuotaSheet());
  const tables = locateTables(sheet, ALL_FORMS);

  test('one qc.quota table, two-row header under the merged 质量管理活动', () => {
    expect(tables.map((t) => t.kind)).toEqual(['qc.quota']);
    const t = tables[0];
    expect(t.headerRow).toBe(2);
    expect(t.headerRows).toBe(2);
    expect(t.columns).toEqual({ seq: 0, region: 1, groups: 2, presenting: 3, teams: 4 });
    expect(t.missing).toEqual([]);
  });

  test('41 regions and the 总  计 row, told apart', () => {
    const { regions, total } = quotaRows(sheet, tables[0]);
    expect(regions).toHaveLength(41);
    expect(sheet.value(regions[0], 1)).toBe('乌鲁木齐市工信局');
    expect(sheet.value(regions[40], 1)).toBe('自治区建设工程专业委员会');
    expect(total).toBe(45);
  });

  test('totals 446 / 247 / 185 verified: no quota.total-mismatch, no header finding', () => {
    const r = checkWorkbook({ name: 'q.xlsx', sheets: [seedQuotaSheet()] }, { file: 'q.xlsx', today: { y: 2025, m: 11, d: 20 } });
    expect(r.tables).toEqual([{ sheet: '附件2', kind: 'qc.quota', range: 'A3:E46', rows: 42 }]);
    expect(r.findings).toEqual([]);
  });

  test('parent + child labels (质量管理活动 repeated over the merge) and a one-row header both work', () => {
    const repeated: CellValue[][] = [
      ['序号', '地区或部门', '质量管理活动', '质量管理活动', '质量信得过班组数'],
      ['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'],
      [1, '奎屯市工信局', 4, 3, 2],
    ];
    const a = locateTables(new Sheet({ name: 'S', values: repeated }), ALL_FORMS);
    expect(a.map((t) => [t.kind, t.headerRows, t.rows])).toEqual([['qc.quota', 2, [2]]]);
    expect(a[0].columns).toMatchObject({ groups: 2, presenting: 3, teams: 4 });
    const flat = locateTables(
      new Sheet({ name: 'S', values: [['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'], [1, '奎屯市工信局', 4, 3, 2], ['合计', null, 4, 3, 2]] }),
      ALL_FORMS,
    );
    expect(flat[0].headerRows).toBe(1);
    expect(quotaRows(new Sheet({ name: 'S', values: [['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'], [1, '奎屯市工信局', 4, 3, 2], ['合计', null, 4, 3, 2]] }), flat[0])).toEqual({ regions: [1], total: 2, subtotals: [] });
  });

  test('小计 rows are neither regions nor the total', () => {
    const values = [['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'], [1, '奎屯市工信局', 4, 3, 2], [null, '地州市小计', 4, 3, 2], [2, '国网新疆电力公司', 5, 2, 1], ['小 计', null, 5, 2, 1], [null, '行业部门小计：', 5, 2, 1], [null, '总  计', 9, 5, 3]];
    const sheet = new Sheet({ name: 'S', values });
    const [t] = locateTables(sheet, ALL_FORMS);
    expect(quotaRows(sheet, t)).toEqual({ regions: [1, 3], total: 6, subtotals: [2, 4, 5] });
  });

  test('total labels and counts typed with spaces', () => {
    expect(['总  计', '合计', '合 计', '总计', '共计'].every(isTotalLabel)).toBe(true);
    expect(isTotalLabel('小计')).toBe(false);
    expect(quotaNumber('4 ')).toBe(4);
    expect(quotaNumber(' 247')).toBe(247);
    expect(quotaNumber('２４７')).toBe(247);
    expect(quotaNumber('')).toBeNull();
    expect(quotaNumber(null)).toBeNull();
    expect(quotaNumber('五')).toBeNaN();
  });
});

describe('qc.register', () => {
  test('the template header is recognised, not taken for 附件3', () => {
    const t = locateTables(new Sheet(registerSheet([{}, {}])), ALL_FORMS);
    expect(t.map((x) => x.kind)).toEqual(['qc.register']);
    expect(t[0].columns).toEqual({ seq: 0, region: 1, category: 2, name: 3, enterprise: 4, presenting: 5, members: 6 });
    expect(t[0].rows).toEqual([2, 3]);
  });

  test('optional columns are understood', () => {
    const header = ['序号', '推荐地区、部门', '申报类别', '子类', '名称', '企业名称', '统一社会信用代码', '职务', '企业规模', '是否与会发表', '成员人数', '成员名单', '贡献率(%)', '曾获质量奖年份', '备注'];
    const t = locateTables(new Sheet(registerSheet([{}], { header })), ALL_FORMS);
    expect(t[0].kind).toBe('qc.register');
    expect(Object.keys(t[0].columns)).toEqual(['seq', 'region', 'category', 'subcategory', 'name', 'enterprise', 'uscc', 'position', 'scale', 'presenting', 'members', 'roster', 'shares', 'lastAwardYear', 'remark']);
  });
});
