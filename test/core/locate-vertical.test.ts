import { Sheet, a1, type CellValue } from '../../src/core/grid';
import { ALL_FORMS, VERTICAL_FORMS } from '../../src/core/forms';
import { locateVerticalTables } from '../../src/core/locate-vertical';
import { locateTables } from '../../src/core/locate';
import { itemKey, matchItem, readCheckbox, readPair, readRate, readNumber } from '../../src/core/stats-values';
import { qcActivityStats, qcTeamStats } from '../../src/core/forms/qc-stats';
import { checkWorkbook } from '../../src/core/check';
import { iliIndicatorsSheet, nantongQualitySheet, qcActivitySheet, qcTeamSheet } from '../helpers/stats-sheets';

function locate(values: CellValue[][], origin?: { row: number; col: number }) {
  return locateVerticalTables(new Sheet({ name: 'S', values, origin }), VERTICAL_FORMS);
}
/** Where an item's value cell is, as A1. */
function where(t: ReturnType<typeof locate>[number], role: string): string | undefined {
  const it = t.items?.[role];
  return it ? a1(it.row, it.col) : undefined;
}

describe('附件7 质量管理小组活动统计表 as printed', () => {
  const [t] = locate(qcActivitySheet());
  test('kind, header and range', () => {
    expect(t.kind).toBe('qc.activity-stats');
    expect(t.headerRow).toBe(4);
    expect(t.columns).toEqual({ label: 0, unit: 1, value: 2 });
    expect(t.bottom).toBe(19);
    expect(t.title?.recommender).toBe('伊犁州市场监督管理局');
  });
  test('every printed item is found, with its value cell', () => {
    expect(where(t, 'cumulativeGroups')).toBe('C6');
    expect(where(t, 'registeredGroups')).toBe('C7');
    expect(where(t, 'popularityRate')).toBe('C8');
    expect(where(t, 'activeGroups')).toBe('C9');
    expect(where(t, 'economicBenefit')).toBe('C10');
    expect(where(t, 'achievementRate')).toBe('C11');
    expect(where(t, 'funding')).toBe('C12');
    expect(where(t, 'rewards')).toBe('C13');
    expect(where(t, 'diagnosticians')).toBe('C14');
    expect(where(t, 'features')).toBe('B15');
    // The seed's side-by-side pairs: 是否组织发表会 | □是 □否 | 发表小组数 | n
    expect(where(t, 'conferenceHeld')).toBe('B16');
    expect(where(t, 'presentedGroups')).toBe('D16');
    expect(where(t, 'conferenceTimePlace')).toBe('B17');
    expect(where(t, 'attendees')).toBe('D17');
    expect(t.items?.department.inline).toBe('质量科王某');
    expect(t.items?.contactName.inline).toBe('张三');
    expect(t.items?.contactMobile.inline).toBe('13899990000');
    expect(t.items?.contactEmail.inline).toBe('qc@example.cn');
    expect(t.items?.postcode.inline).toBe('835000');
    // Inputs are not printed rows.
    expect(t.items?.participants).toBeUndefined();
    expect(t.items?.employees).toBeUndefined();
  });
  test('the table-form locator does not take it for a table', () => {
    expect(locateTables(new Sheet({ name: 'S', values: qcActivitySheet() }), ALL_FORMS)).toEqual([]);
  });
});

describe('附件12 质量信得过班组活动统计表 as printed', () => {
  const [t] = locate(qcTeamSheet());
  test('kind and items', () => {
    expect(t.kind).toBe('qc.team-stats');
    expect(where(t, 'teamsThisYear')).toBe('C6');
    expect(where(t, 'teamsCumulative')).toBe('C7');
    expect(where(t, 'teamEmployees')).toBe('C8');
    expect(where(t, 'teamsRecommended')).toBe('C9');
    expect(where(t, 'teamFunding')).toBe('C10');
    expect(where(t, 'teamRewards')).toBe('C11');
    expect(t.items?.teamFeatures).toBeDefined();
    expect(where(t, 'reviewForm')).toBe('B13');
    expect(where(t, 'conferenceHeld')).toBe('B14');
    expect(where(t, 'presentedTeams')).toBe('D14');
    expect(where(t, 'attendees')).toBe('D15');
  });
  test('the footnote ends the table', () => {
    expect(t.bottom).toBe(17);
  });
});

describe('reworded labels', () => {
  const reworded: CellValue[][] = [
    ['质量管理小组活动统计表'],
    ['项目', '计量单位', '数值'],
    ['历年累计已登记注册的质量管理小组数（个）', '个', 300],
    ['已登记注册的质量管理小组数', '个', 30],
    ['QC小组普及率(%)', '%', '35%'],
    ['参加质量管理小组活动人数', '人', 350],
    ['全体职工人数（人）', '人', 1000],
    ['坚持活动的质量管理小组数', '个', 28],
    ['QC小组活动率', '%', 0.9333],
    ['1.可计算的经济效益（万元）', '元', 100],
    ['成果率', '%', null],
    ['取得成果的质量管理小组数', '个', 20],
    ['QC小组活动经费投入', '元', 5000],
    ['奖励费用（元）', '元', 2000],
    ['诊断师人数（国家级/自治区级）', '人', '1/3'],
    ['是否组织发表会', '', '是'],
    ['发表QC小组数', '个', 10],
    ['参加发表会人数', '人', 80],
  ];
  const [t] = locate(reworded);
  test.each([
    ['cumulativeGroups', 'C3'],
    ['registeredGroups', 'C4'],
    ['popularityRate', 'C5'],
    ['participants', 'C6'],
    ['employees', 'C7'],
    ['activeGroups', 'C8'],
    ['activityRate', 'C9'],
    ['economicBenefit', 'C10'],
    ['achievementRate', 'C11'],
    ['achievedGroups', 'C12'],
    ['funding', 'C13'],
    ['rewards', 'C14'],
    ['diagnosticians', 'C15'],
    ['conferenceHeld', 'C16'],
    ['presentedGroups', 'C17'],
    ['attendees', 'C18'],
  ])('%s at %s', (role, cell) => {
    expect(t.kind).toBe('qc.activity-stats');
    expect(where(t, role)).toBe(cell);
  });

  test('itemKey drops formulas, brackets, numbering and period words', () => {
    expect(itemKey('本年度QC小组普及率=参加QC小组人数/职工总数x100%')).toBe('QC小组普及率');
    expect(itemKey('本年度企业对QC小组活动经费投入（培训、交流、书籍等费用）')).toBe('企业对QC小组活动经费投入');
    expect(itemKey('1、本年度质量管理小组成果率(%)')).toBe('QC小组成果率');
    expect(itemKey('联 系 人：张三')).toBe('联系人');
  });
  test('no form item for unrelated labels', () => {
    expect(matchItem(qcActivityStats.items ?? [], '固定资产净值')).toBeNull();
    expect(matchItem(qcActivityStats.items ?? [], '参会人数')?.role).toBe('attendees');
    expect(matchItem(qcTeamStats.items ?? [], '本年度参与质量信得过班组活动员工数')?.role).toBe('teamEmployees');
  });
});

test('free text that mentions an item is not taken for its label', () => {
  const values = qcActivitySheet({ features: '本年度加大经费投入，参加人数增加' }).filter((r) => r[0] !== '本年度企业对QC小组活动经费投入（培训、交流、书籍等费用）');
  const [t] = locate(values);
  expect(t.items?.funding).toBeUndefined();
  expect(t.items?.participants).toBeUndefined();
});

describe('telling the forms apart', () => {
  test('by items when there is no title', () => {
    const a = qcActivitySheet().slice(4);
    const b = qcTeamSheet().slice(4, 12);
    expect(locate(a)[0].kind).toBe('qc.activity-stats');
    expect(locate(b)[0].kind).toBe('qc.team-stats');
  });
  test('by the title when the items are only the shared ones', () => {
    const shared: CellValue[][] = [
      ['附件12'],
      ['统计项目', '单位', '数量'],
      ['是否组织发表会', null, '是'],
      ['参会人数', '人', 40],
    ];
    expect(locate(shared)[0].kind).toBe('qc.team-stats');
    expect(locate(shared.slice(1))).toEqual([]);
  });
  test('both forms on one sheet, one under the other', () => {
    const values = [...qcActivitySheet(), [], [], ...qcTeamSheet()];
    const ts = locate(values);
    expect(ts.map((t) => t.kind)).toEqual(['qc.activity-stats', 'qc.team-stats']);
    expect(where(ts[1], 'teamsThisYear')).toBe(`C${20 + 2 + 6}`);
  });
  test('both forms without a blank row between them: the 附件12 title line ends the first', () => {
    const values = [...qcActivitySheet(), ...qcTeamSheet()];
    const ts = locate(values);
    expect(ts.map((t) => t.kind)).toEqual(['qc.activity-stats', 'qc.team-stats']);
    expect(ts[0].bottom).toBe(19);
  });
});

test('a form on an offset (grid origin and leading empty columns)', () => {
  const values = qcActivitySheet().map((r) => [null, null, ...r]);
  const [t] = locate(values, { row: 10, col: 3 });
  expect(t.kind).toBe('qc.activity-stats');
  expect(t.columns).toEqual({ label: 5, unit: 6, value: 7 });
  expect(where(t, 'registeredGroups')).toBe('H17');
  expect(where(t, 'presentedGroups')).toBe('I26');
});

describe('indicator tables', () => {
  test('ili-2025 附表1: 序号 / 项目 / 单位 / three years / rankings', () => {
    const [t] = locate(iliIndicatorsSheet());
    expect(t.kind).toBe('form.indicators');
    expect(t.valueCols).toEqual([3, 4, 5]);
    expect(t.periods).toEqual(['2022年', '2023年', '2024年']);
    expect(where(t, 'totalAssets')).toBe('D3');
    expect(where(t, 'totalProfit')).toBe('D7');
    expect(where(t, 'totalAssetContribution')).toBe('D11');
    expect(where(t, 'salesRate')).toBe('D17');
    expect(t.items?.taxes).toBeUndefined(); // 纳税总额 is not 税金总额
    expect(t.bottom).toBe(20);
  });
  test('nantong-2020 表5: the row label in the second column wins over the merged group label', () => {
    const [t] = locate(nantongQualitySheet());
    expect(t.kind).toBe('form.indicators');
    expect(t.periods).toEqual(['2017年', '2018年', '2019年']);
    expect(where(t, 'p1')).toBe('C3');
    expect(where(t, 'grossOutput')).toBe('C6');
    expect(where(t, 'gradeRate')).toBe('C7');
    expect(where(t, 'internalLoss')).toBe('C8');
    expect(where(t, 'qualityLossRate')).toBe('C10');
    expect(where(t, 'newProductRate')).toBe('C12');
  });
});

describe('value readers', () => {
  test.each<[CellValue, boolean | null | 'both' | 'invalid']>([
    ['□是   □否', null],
    ['☑是   □否', true],
    ['□是   ☑否', false],
    ['√是 □否', true],
    ['是√ 否□', true],
    ['是□ 否√', false],
    ['■是 □否', true],
    ['□是 ■否', false],
    ['□是√  □否', true],
    ['☑是 ☑否', 'both'],
    ['是', true],
    ['否', false],
    [true, true],
    ['待定', 'invalid'],
  ])('checkbox %p', (v, expected) => {
    const r = readCheckbox(v);
    const got = r.kind === 'checked' ? r.value : r.kind === 'both' ? 'both' : r.kind === 'invalid' ? 'invalid' : null;
    expect(got).toBe(expected);
  });
  test('pairs', () => {
    expect(readPair('2/5')).toEqual({ kind: 'pair', a: 2, b: 5 });
    expect(readPair('2／5')).toEqual({ kind: 'pair', a: 2, b: 5 });
    expect(readPair('国家级1人/自治区级3人')).toEqual({ kind: 'pair', a: 1, b: 3 });
    expect(readPair(new Date(Date.UTC(2019, 1, 5)))).toEqual({ kind: 'date', a: 2, b: 5 });
    expect(readPair('7').kind).toBe('invalid');
  });
  test('typed rates', () => {
    expect(readRate('35%', null, true)).toEqual({ kind: 'rate', value: 35, alt: null });
    expect(readRate('35.00%', null, true)).toEqual({ kind: 'rate', value: 35, alt: null });
    expect(readRate(35, null, true)).toEqual({ kind: 'rate', value: 35, alt: 3500 });
    expect(readRate(0.35, null, true)).toEqual({ kind: 'rate', value: 35, alt: 0.35 });
    expect(readRate(0.35, '0.00%', true)).toEqual({ kind: 'rate', value: 35, alt: null });
    expect(readRate('0.35%', null, true)).toEqual({ kind: 'rate', value: 0.35, alt: null });
    expect(readRate('2.5次', null, false)).toEqual({ kind: 'rate', value: 2.5, alt: null });
    expect(readRate('很高', null, true).kind).toBe('invalid');
  });
  test('numbers', () => {
    expect(readNumber('1,234')).toEqual({ kind: 'number', value: 1234 });
    expect(readNumber('１２个')).toEqual({ kind: 'number', value: 12 });
    expect(readNumber('若干').kind).toBe('invalid');
  });
});

test('checkWorkbook reports vertical tables in its summary', () => {
  const r = checkWorkbook({ name: 'w.xlsx', sheets: [{ name: '附件7', values: qcActivitySheet() }, { name: '附表1', values: iliIndicatorsSheet() }] }, { file: 'w.xlsx', today: { y: 2025, m: 1, d: 1 } });
  expect(r.tables).toEqual([
    { sheet: '附件7', kind: 'qc.activity-stats', range: 'A5:D20', rows: 15 },
    { sheet: '附表1', kind: 'form.indicators', range: 'B2:F21', rows: 19 },
  ]);
});
