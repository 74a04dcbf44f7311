import { getProfile, parseProfile, ProfileError, builtinProfiles } from '../../src/core/profiles';
import xj from '../../src/core/profiles/xj-qc-2019.json';

describe('quota profiles (SPEC §5)', () => {
  test('all built-in profiles parse and are registered', () => {
    expect(builtinProfiles.map((p) => p.id)).toEqual(
      expect.arrayContaining(['ili-2025-contribution', 'xj-qc-2019', 'ili-gov-quality', 'jilin-2025-quality', 'nantong-2020-mayor']),
    );
    for (const p of builtinProfiles) expect(p.name).toMatch(/[\u4e00-\u9fff]/);
  });

  test('xj-qc-2019: 41 regions, totals 446 / 247 / 185, rosters 10 and 15', () => {
    const p = getProfile('xj-qc-2019');
    const q = p.quota!;
    expect(q.regions).toHaveLength(41);
    expect(q.classes.map((c) => [c.id, c.label, c.presenting])).toEqual([
      ['groups', '小组数', false],
      ['presenting', '发表小组数', true],
      ['teams', '质量信得过班组数', false],
    ]);
    const sum = (k: string) => q.regions.reduce((a, r) => a + r.quota[k], 0);
    expect([sum('groups'), sum('presenting'), sum('teams')]).toEqual([446, 247, 185]);
    expect(q.total).toEqual({ groups: 446, presenting: 247, teams: 185 });
    expect(q.regions.find((r) => r.name === '奎屯市工信局')!.quota).toEqual({ groups: 4, presenting: 3, teams: 2 });
    expect(q.regions.find((r) => r.name === '石河子地区工信局')!.quota).toEqual({ groups: 18, presenting: 10, teams: 25 });
    expect(p.rosters.map((r) => [r.categories[0], r.max, r.count])).toEqual([
      ['优秀质量管理小组', 10, ['members', 'list']],
      ['质量信得过班组', 15, ['list']],
    ]);
    expect(p.categories.map((c) => c.name)).toEqual([
      '优秀质量管理小组',
      '质量信得过班组',
      '质量管理小组活动优秀企业',
      '质量管理小组活动推进者',
      '质量信得过班组建设优秀企业',
      '质量信得过班组建设先进个人',
    ]);
  });

  test('ili-gov-quality: 质量奖 ≤ 5, 提名奖 ≤ 8 organisations; 5-year exclusion (第四条, 第二十四条)', () => {
    const p = getProfile('ili-gov-quality');
    expect(p.categories.map((c) => [c.name, c.places])).toEqual([
      ['质量奖', { collective: 5 }],
      ['质量奖提名奖', { collective: 8 }],
    ]);
    expect(p.categories[0].source).toMatch(/第四条/);
    expect(p.exclusions).toEqual([expect.objectContaining({ type: 'previous-winner', category: '质量奖', years: 5, source: expect.stringMatching(/第二十四条/) })]);
  });

  test('jilin-2025-quality: 5 / 5 together; 标准创新 5 / 10 / 15; 20 % 县处级; drafters ≤ 5, shares 100 %', () => {
    const p = getProfile('jilin-2025-quality');
    expect(p.categories.map((c) => [c.name, c.places])).toEqual([
      ['质量奖', { total: 5 }],
      ['提名奖', { total: 5 }],
      ['标准创新', {}],
    ]);
    expect(p.categories[2].subcategories.map((s) => [s.name, s.places.total])).toEqual([
      ['一等奖', 5],
      ['二等奖', 10],
      ['三等奖', 15],
    ]);
    expect(p.shares.find((s) => s.id === 'county-level-cadres')).toMatchObject({ type: 'max-share', of: 'individual', max: 0.2 });
    expect(p.shares.find((s) => s.type === 'contribution')).toMatchObject({ total: 100, categories: ['标准创新'] });
    expect(p.rosters).toEqual([expect.objectContaining({ categories: ['标准创新'], max: 5, severity: 'warning' })]);
  });

  test('nantong-2020-mayor: organisations ≤ 5, individuals ≤ 3, 提名奖 ≤ 3; SME and 首席质量官 in principle; org or manager', () => {
    const p = getProfile('nantong-2020-mayor');
    expect(p.categories.map((c) => [c.name, c.places])).toEqual([
      ['市长质量奖', { collective: 5, individual: 3 }],
      ['提名奖', { collective: 3 }],
    ]);
    expect(p.shares.map((s) => [s.id, s.type, s.severity])).toEqual([
      ['one-sme', 'min-count', 'warning'],
      ['one-chief-quality-officer', 'min-count', 'warning'],
    ]);
    expect(p.exclusions[0]).toMatchObject({ type: 'org-and-manager' });
  });

  test('every profile rule cites its source', () => {
    for (const p of builtinProfiles) {
      for (const x of [...p.rosters, ...p.shares, ...p.exclusions]) expect(x.source).toMatch(/\S/);
      if (p.quota) expect(p.quota.source).toMatch(/附件2/);
    }
  });

  test('cross-field checks: a wrong total, an unknown class, duplicate regions', () => {
    const bad = JSON.parse(JSON.stringify(xj));
    bad.id = 'xj-bad';
    bad.quota.total.groups = 445;
    bad.quota.regions[1].quota.nope = 1;
    bad.quota.regions[2].name = bad.quota.regions[3].name;
    let err: ProfileError | null = null;
    try {
      parseProfile(bad, 'bad.json');
    } catch (e) {
      err = e as ProfileError;
    }
    expect(err).toBeInstanceOf(ProfileError);
    const paths = err!.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['quota.total.groups', 'quota.regions[1].quota.nope', 'quota.regions[3]']));
    expect(err!.message).toMatch(/总计 445 与各地区之和 446 不符/);
  });

  test('a user profile may lower a rule to a warning and add places.total', () => {
    const p = parseProfile({ id: 'x', name: '测试', unitTypes: ['企业'], severity: { 'quota.cap-exceeded': 'warning' }, categories: [{ name: '甲', places: { total: 2 } }] }, 'x.json');
    expect(p.severity).toEqual({ 'quota.cap-exceeded': 'warning' });
    expect(p.categories[0].places.total).toBe(2);
    expect(() => parseProfile({ id: 'x', name: '测试', unitTypes: ['企业'], severity: { 'quota.cap-exceeded': 'loud' } }, 'x.json')).toThrow(ProfileError);
  });
});
