#!/usr/bin/env node
/**
 * Writes the quota examples in examples/ (synthetic names, never real applicants). Run after `npm run prepare`:
 *   node scripts/make-examples-quota.js
 *
 * - quota-2019.xlsx        xinjiang-2019 附件2 推荐名额表 as printed: two-row header under the merged 质量管理活动,
 *                          `4 ` typed with a space for 奎屯市工信局, `总  计` with ` 247` / ` 185` typed as text.
 * - quota-faulty.xlsx      the same table with 总计 typed as 436 instead of 446 and one quota typed as 2.5.
 * - register-clean.xlsx    a register of applications within every quota (the register template, filled).
 * - register-faulty.xlsx   over quota (奎屯市工信局: 5 groups for 4, 4 presenting for 3), a region not in the table
 *                          (阿拉尔市工信局), 伊犁州 for 伊犁州工信局 (variant), a QC roster of 12 / 11 names, a team
 *                          listing 16 names, and an application also sent by another region …
 * - register-faulty-b.xlsx … by 克拉玛依市工信局: the same group of the same enterprise (dup.cross-file).
 */
const path = require('path');
const { buildQuotaWorkbook, buildRegisterWorkbook, registerLayout, quotaLayout } = require('../lib/xlsx/template-quota');
const { getProfile } = require('../lib/core/profiles');

const out = path.join(__dirname, '..', 'examples');
const xj = getProfile('xj-qc-2019');

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '明华建国志强秀英丽娟海军晓燕文静伟东红梅建平玉兰国庆春生丽萍海燕';
function people(n, seed) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const s = SURNAMES[(seed * 7 + i * 3) % SURNAMES.length];
    const g = GIVEN.slice(((seed + i) * 2) % (GIVEN.length - 1), ((seed + i) * 2) % (GIVEN.length - 1) + 2);
    out.push(s + g);
  }
  return out.join('、');
}

async function quota() {
  const wb = buildQuotaWorkbook({ profile: xj });
  const ws = wb.getWorksheet('附件2');
  const L = quotaLayout(xj.quota.regions.length);
  const cell = (r, c) => ws.getCell(r + 1, c + 1);
  // As typed from the printed notice: a stray space after 4, totals typed (not formulas), two of them as text.
  const kuitun = xj.quota.regions.findIndex((r) => r.name === '奎屯市工信局');
  cell(L.firstRow + kuitun, L.columns.groups).value = '4 ';
  cell(L.totalRow, L.columns.groups).value = 446;
  cell(L.totalRow, L.columns.presenting).value = ' 247';
  cell(L.totalRow, L.columns.teams).value = ' 185';
  await wb.xlsx.writeFile(path.join(out, 'quota-2019.xlsx'));
}

/** The same table with the mistakes of a hand-typed copy: a 总计 that no longer adds up, a quota typed as 2.5. */
async function quotaFaulty() {
  const wb = buildQuotaWorkbook({ profile: xj });
  const ws = wb.getWorksheet('附件2');
  const L = quotaLayout(xj.quota.regions.length);
  const cell = (r, c) => ws.getCell(r + 1, c + 1);
  cell(L.totalRow, L.columns.groups).value = 436;
  cell(L.totalRow, L.columns.presenting).value = 247;
  cell(L.totalRow, L.columns.teams).value = 185;
  cell(L.firstRow + 2, L.columns.teams).value = 2.5;
  await wb.xlsx.writeFile(path.join(out, 'quota-faulty.xlsx'));
}

/** Fill the register template with rows: [region, category, name, enterprise, presenting, members, roster, remark]. */
async function register(file, rows, title) {
  const wb = buildRegisterWorkbook({ profile: xj, rows: Math.max(rows.length, 10) });
  const ws = wb.getWorksheet('登记表');
  const L = registerLayout({ rows: Math.max(rows.length, 10) });
  if (title) ws.getCell(L.titleRow + 1, 1).value = title;
  rows.forEach((r, i) => {
    const row = L.firstRow + i;
    ['region', 'category', 'name', 'enterprise', 'presenting', 'members', 'roster', 'remark'].forEach((role, k) => {
      if (r[k] !== undefined && r[k] !== null) ws.getCell(row + 1, L.columns[role] + 1).value = r[k];
    });
  });
  await wb.xlsx.writeFile(path.join(out, file));
}

const G = '优秀质量管理小组';
const T = '质量信得过班组';

async function clean() {
  await register('register-clean.xlsx', [
    ['乌鲁木齐市工信局', G, '“降本增效”QC小组', '乌鲁木齐示例热力有限公司', '是', 8, people(8, 1)],
    ['乌鲁木齐市工信局', G, '“精益求精”QC小组', '乌鲁木齐示例机床有限公司', '是', 6, people(6, 2)],
    ['乌鲁木齐市工信局', G, '攻关QC小组', '乌鲁木齐示例食品有限公司', '否', 10, people(10, 3)],
    ['乌鲁木齐市工信局', T, '装配一班', '乌鲁木齐示例机床有限公司', null, 24, people(15, 4)],
    ['乌鲁木齐市工信局', '质量管理小组活动推进者', '周示例', '乌鲁木齐示例热力有限公司', null, null, null],
    ['伊犁州工信局', G, '“金点子”QC小组', '伊宁示例乳业有限公司', '是', 7, people(7, 5)],
    ['伊犁州工信局', G, '节能QC小组', '伊犁示例能源有限公司', '否', 9, people(9, 6)],
    ['伊犁州工信局', T, '灌装班', '伊宁示例乳业有限公司', null, 12, people(12, 7)],
    ['伊犁州工信局', '质量管理小组活动优秀企业', '伊宁示例乳业有限公司', '伊宁示例乳业有限公司', null, null, null],
    ['奎屯市工信局', G, '“蓝天”QC小组', '奎屯示例化工有限公司', '是', 8, people(8, 8)],
    ['奎屯市工信局', G, '创新QC小组', '奎屯示例纺织有限公司', '否', 5, people(5, 9)],
    ['奎屯市工信局', T, '纺纱甲班', '奎屯示例纺织有限公司', null, 18, people(15, 10)],
    ['中国石油独山子石化公司', G, '催化裂化QC小组', '中国石油独山子石化公司炼油厂', '是', 10, people(10, 11)],
    ['中国石油独山子石化公司', G, '乙烯质量QC小组', '中国石油独山子石化公司乙烯厂', '否', 9, people(9, 12)],
    ['中国石油独山子石化公司', '质量信得过班组建设优秀企业', '中国石油独山子石化公司', '中国石油独山子石化公司', null, null, null],
    ['中国石油独山子石化公司', '质量信得过班组建设先进个人', '吴示例', '中国石油独山子石化公司炼油厂', null, null, null],
    ['克拉玛依市工信局', G, '油田服务QC小组', '克拉玛依示例技术服务有限公司', '是', 6, people(6, 13)],
  ]);
}

async function faulty() {
  await register('register-faulty.xlsx', [
    // 奎屯市工信局: quota 4 groups / 3 presenting — 5 groups, 4 presenting.
    ['奎屯市工信局', G, '“蓝天”QC小组', '奎屯示例化工有限公司', '是', 8, people(8, 20)],
    ['奎屯市工信局', G, '“攻坚”QC小组', '奎屯示例化工有限公司', '是', 9, people(9, 21)],
    ['奎屯市工信局', G, '创新QC小组', '奎屯示例纺织有限公司', '是', 5, people(5, 22)],
    ['奎屯市工信局', G, '节水QC小组', '奎屯示例纺织有限公司', '否', 6, people(6, 23)],
    // A QC group over 10: 成员人数 12, 11 names.
    ['奎屯市工信局', G, '“飞跃”QC小组', '奎屯示例建材有限公司', '是', 12, people(11, 24)],
    // A trusted team listing 16 names (附件8 lists the first 15).
    ['奎屯市工信局', T, '纺纱乙班', '奎屯示例纺织有限公司', null, 30, people(16, 25)],
    // 伊犁州 for 伊犁州工信局: counted there, reported as a spelling variant.
    ['伊犁州', G, '“雪莲”QC小组', '伊宁示例制药有限公司', '否', 7, people(7, 26)],
    ['伊犁州', T, '检验班', '伊宁示例制药有限公司', null, 9, people(9, 27)],
    // Not in the quota table.
    ['阿拉尔市工信局', G, '棉纺QC小组', '阿拉尔示例棉业有限公司', '否', 8, people(8, 28)],
  ]);
  await register('register-faulty-b.xlsx', [
    ['克拉玛依市工信局', G, '油田服务QC小组', '克拉玛依示例技术服务有限公司', '是', 6, people(6, 30)],
    // The same application as register-faulty.xlsx row 2, sent again by another region.
    ['克拉玛依市工信局', G, '“攻坚”QC小组', '奎屯示例化工有限公司', '否', 9, people(9, 21)],
  ]);
}

(async () => {
  await quota();
  await quotaFaulty();
  await clean();
  await faulty();
  console.log('quota examples written to', out);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
