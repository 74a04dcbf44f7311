import { checkWorkbooks } from '../../src/core/check';
import { getProfile } from '../../src/core/profiles';
import { RegionMatcher, tallySchema, type RegionTally } from '../../src/core/tally';
import { reportSchema, buildReport } from '../../src/core/report';
import { buildSheet } from '../helpers/rule-tester';
import { many, quotaSheet, registerSheet, TODAY } from '../helpers/quota-tester';
import { seedQuotaSheet } from '../helpers/seed-quota';

const xj = getProfile('xj-qc-2019');

function tallyOf(files: Record<string, Parameters<typeof checkWorkbooks>[0][number]['grid']['sheets']>, profile = xj) {
  const run = checkWorkbooks(
    Object.entries(files).map(([file, sheets]) => ({ file, grid: { name: file, sheets } })),
    { profile, today: TODAY },
  );
  return run;
}
const entry = (list: RegionTally[], region: string, cls: string) => list.find((e) => e.region === region && e.class === cls);

describe('tally by region × class', () => {
  const run = tallyOf({
    'a.xlsx': [
      registerSheet([
        ...many(3, { region: '伊犁州工信局', presenting: '是' }),
        ...many(2, { region: ' 伊犁州 工信局', presenting: '否' }),
        { region: '伊犁州', category: '质量信得过班组' },
        { region: '伊犁州市场监督管理局' },
        { region: '火星工信局' },
        { region: '奎屯市工信局', category: '质量管理小组活动推进者' },
      ]),
    ],
    'b.xlsx': [registerSheet([...many(2, { region: '伊犁州工信局', presenting: '√' })])],
  });
  const t = run.tally;

  test('the schema holds', () => {
    expect(() => tallySchema.parse(t)).not.toThrow();
    expect(() => reportSchema.parse(buildReport([], [], t))).not.toThrow();
  });

  test('every region of the quota table, in its order, for every class', () => {
    const regions = [...new Set(t.byRegion.filter((e) => e.known).map((e) => e.region))];
    expect(regions).toHaveLength(41);
    expect(regions[0]).toBe('乌鲁木齐市工信局');
    expect(t.byRegion.filter((e) => e.known)).toHaveLength(41 * 3);
  });

  test('counts across files, spaces normalised, variants counted under their region and listed', () => {
    expect(entry(t.byRegion, '伊犁州工信局', 'groups')).toEqual({
      region: '伊犁州工信局',
      known: true,
      class: 'groups',
      label: '小组数',
      count: 8, // 3 + 2 (spaces) + 1 (市场监督管理局 variant) + 2 (b.xlsx)
      quota: 11,
      over: 0,
      variants: ['伊犁州', '伊犁州市场监督管理局'],
    });
    expect(entry(t.byRegion, '伊犁州工信局', 'presenting')).toMatchObject({ count: 5, quota: 6 });
    expect(entry(t.byRegion, '伊犁州工信局', 'teams')).toMatchObject({ count: 1, quota: 4 });
  });

  test('an unknown region gets its own rows, without quota', () => {
    expect(t.byRegion.filter((e) => e.region === '火星工信局')).toEqual([
      { region: '火星工信局', known: false, class: 'groups', label: '小组数', count: 1, quota: null, over: 0, variants: [] },
    ]);
  });

  test('categories without a quota column are not in byRegion but in byCategory', () => {
    expect(entry(t.byRegion, '奎屯市工信局', 'groups')).toMatchObject({ count: 0 });
    expect(t.byCategory).toEqual([
      { category: '优秀质量管理小组', subcategory: null, side: 'collective', count: 9, places: null, over: 0, known: true },
      { category: '质量信得过班组', subcategory: null, side: 'collective', count: 1, places: null, over: 0, known: true },
      { category: '质量管理小组活动推进者', subcategory: null, side: 'individual', count: 1, places: null, over: 0, known: true },
    ]);
  });

  test('per-file results carry the same tally', () => {
    expect(run.results[0].tally).toBe(t);
    expect(run.results[1].tally).toBe(t);
  });
});

describe('tally against a quota table in the run', () => {
  test('the seed table from another workbook: quotas read, 总计 not a region', () => {
    const run = tallyOf({ 'q.xlsx': [seedQuotaSheet()], 'r.xlsx': [registerSheet(many(5, { region: '奎屯市工信局' }))] }, getProfile('ili-2025-contribution'));
    const kuitun = run.tally.byRegion.filter((e) => e.region === '奎屯市工信局');
    expect(kuitun.map((e) => [e.class, e.count, e.quota, e.over])).toEqual([
      ['groups', 5, 4, 1],
      ['presenting', 0, 3, 0],
      ['teams', 0, 2, 0],
    ]);
    expect(run.tally.byRegion.some((e) => /总\s*计/.test(e.region))).toBe(false);
    expect(new Set(run.tally.byRegion.map((e) => e.region)).size).toBe(41);
    expect(run.results[1].findings.map((f) => f.rule)).toContain('quota.exceeded');
  });

  test('a quota cell that cannot be read means no quota for that class', () => {
    const run = tallyOf({ 'q.xlsx': [quotaSheet([['甲', '？', 1, 1]], null)], 'r.xlsx': [registerSheet(many(2, { region: '甲' }))] }, getProfile('ili-2025-contribution'));
    expect(run.tally.byRegion.find((e) => e.class === 'groups')).toMatchObject({ count: 2, quota: null, over: 0 });
  });
});

describe('tally by category', () => {
  test('附件3: category from the column or the title, sub-categories, places of the default profile', () => {
    const header = ['序号', '先进集体名称', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '推荐方面', '子类', '备注'];
    const run = tallyOf(
      {
        'a.xlsx': [
          buildSheet({
            kind: 'annex3.collective',
            header,
            rows: [
              { collectiveName: '甲', category: '商务经济', subcategory: '外贸方面' },
              { collectiveName: '乙', category: '商务经济方面', subcategory: '招商' },
              { collectiveName: '丙', category: '未列方面' },
            ],
          }),
        ],
      },
      getProfile('ili-2025-contribution'),
    );
    const c = run.tally.byCategory.filter((e) => e.count > 0);
    expect(c).toEqual([
      { category: '商务经济方面', subcategory: null, side: 'collective', count: 2, places: 10, over: 0, known: true },
      { category: '商务经济方面', subcategory: '外贸', side: 'collective', count: 1, places: 4, over: 0, known: true },
      { category: '商务经济方面', subcategory: '招商引资', side: 'collective', count: 1, places: 3, over: 0, known: true },
      { category: '未列方面', subcategory: null, side: 'collective', count: 1, places: null, over: 0, known: false },
    ]);
    // Places of the profile are listed even when nothing was nominated.
    expect(run.tally.byCategory.find((e) => e.category === '质量提升方面')).toMatchObject({ count: 0, places: 8 });
    // Without a quota table, 附件3 tables are tallied by their 推荐单位.
    expect(run.tally.byRegion).toEqual([
      { region: '伊宁市市场监督管理局', known: null, class: 'annex3.collective', label: '先进集体', count: 3, quota: null, over: 0, variants: [] },
    ]);
  });

  test('places.total counts organisations and individuals together (jilin)', () => {
    const run = tallyOf(
      { 'r.xlsx': [registerSheet([{ category: '质量奖' }, { category: '质量奖', residentId: '11010519491231002X' }], { header: ['序号', '推荐地区或部门', '类别', '名称', '企业名称', '身份证号'] })] },
      getProfile('jilin-2025-quality'),
    );
    expect(run.tally.byCategory.filter((e) => e.category === '质量奖')).toEqual([
      { category: '质量奖', subcategory: null, side: 'collective', count: 1, places: null, over: 0, known: true },
      { category: '质量奖', subcategory: null, side: 'individual', count: 1, places: null, over: 0, known: true },
      { category: '质量奖', subcategory: null, side: 'total', count: 2, places: 5, over: 0, known: true },
    ]);
  });
});

describe('RegionMatcher', () => {
  const m = new RegionMatcher(xj.quota!.regions.map((r) => ({ name: r.name, aliases: r.aliases, quota: r.quota })));
  const name = (s: string) => {
    const r = m.match(s);
    return r.index >= 0 ? [r.how, xj.quota!.regions[r.index].name] : [r.how];
  };
  test.each([
    ['伊犁州工信局', 'exact', '伊犁州工信局'],
    ['伊犁州 工信局', 'exact', '伊犁州工信局'],
    ['博州工信局', 'exact', '博尔塔拉州工信局'],
    ['伊犁州', 'variant', '伊犁州工信局'],
    ['伊犁州工业和信息化局', 'exact', '伊犁州工信局'],
    ['伊犁州市场监管局', 'variant', '伊犁州工信局'],
    ['巴音郭楞蒙古自治州', 'variant', '巴州工信局'],
    ['哈密市工信局', 'variant', '哈密地区工信局'],
    ['自治区卫健委', 'exact', '自治区卫健委'],
  ])('%s → %s %s', (written, how, region) => {
    expect(name(written)).toEqual([how, region]);
  });
  test('unknown', () => {
    expect(name('火星工信局')).toEqual(['unknown']);
    expect(name('乌鲁木齐')).toEqual(['variant', '乌鲁木齐市工信局']);
  });
});

test('a quota typed as 2.5 counts as unknown in the tally and the report still validates', () => {
  const sheet = seedQuotaSheet();
  sheet.values[6][4] = 2.5; // E7: 塔城地区工信局, 质量信得过班组数
  // Default profile: the quotas come from the table itself.
  const run = checkWorkbooks([{ file: 'q.xlsx', grid: { name: 'q.xlsx', sheets: [sheet] } }], { today: TODAY });
  const rows = run.tally.byRegion.filter((r) => r.region === '塔城地区工信局');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.quota === null || Number.isInteger(r.quota))).toBe(true);
  const teams = rows.find((r) => r.class === 'teams');
  expect(teams === undefined || teams.quota === null).toBe(true);
  expect(run.results[0].findings.map((f) => `${f.rule} ${f.cell}`)).toContain('quota.total-mismatch E7');
  const doc = buildReport([{ path: 'q.xlsx', error: null, tables: run.results[0].tables }], run.results[0].findings);
  expect(() => reportSchema.parse({ ...doc, tally: run.tally })).not.toThrow();
});
