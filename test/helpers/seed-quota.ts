/**
 * The xinjiang-2019 附件2 推荐名额表 typed as it is printed: 附件2, the title, the two-row header with the merged
 * 质量管理活动 over 小组数 / 发表小组数, 41 regions, and `总  计` with the seed's stray spaces (`4 ` for 奎屯市工信局,
 * ` 247`, ` 185`). The figures are the xj-qc-2019 profile's, which the profile test checks against the printed
 * totals 446 / 247 / 185.
 */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { getProfile } from '../../src/core/profiles';

export function seedQuotaRows(): [string, number, number, number][] {
  return getProfile('xj-qc-2019').quota!.regions.map((r) => [r.name, r.quota.groups, r.quota.presenting, r.quota.teams]);
}

export function seedQuotaSheet(): SheetGrid {
  const values: CellValue[][] = [
    ['附件2'],
    ['2019年自治区质量管理小组、质量信得过班组推荐名额表'],
    ['序号', '地区或部门', '质量管理活动', null, '质量信得过班组数'],
    [null, null, '小组数', '发表小组数', null],
  ];
  seedQuotaRows().forEach(([name, g, p, t], i) => {
    values.push([i + 1, name, name === '奎屯市工信局' ? `${g} ` : g, p, t]);
  });
  values.push([null, '总  计', 446, ' 247', ' 185']);
  return {
    name: '附件2',
    values,
    merges: [
      { top: 2, left: 2, bottom: 2, right: 3 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 4, bottom: 3, right: 4 },
    ],
  };
}
