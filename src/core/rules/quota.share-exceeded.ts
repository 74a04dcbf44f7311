/**
 * quota.share-exceeded — a composition rule of the award broken (SPEC §3, §5), over the nominations of every
 * workbook of the run. The profile's `shares` and `exclusions`:
 *
 * - max-share: at most a fraction of one side may match, e.g. jilin-2025 县处级或相当于县处级干部不超过评选个人总数的
 *   20% (matched by keywords in 职务 / 备注). Every matching row beyond the allowed number is reported; a share of 0
 *   (市场监管部门工作人员不参加个人评选) reports each match.
 * - min-count: at least n should match, e.g. nantong-2020 原则上包含1家中小企业 / 1名首席质量官 (warnings: 原则上).
 *   One finding at the first nomination of the scope.
 * - contribution: an application's 贡献率 add up to 100 % (jilin-2025 标准创新 主要起草人员). Written `40%、30%、30%`,
 *   `40/30/30` or as fractions `0.4、0.3、0.3`.
 * - org-and-manager (exclusion): an organisation and its top manager (工作单位 = the organisation, 职务 names a top
 *   post, not a deputy 副…) may not both be nominated (nantong-2020 四(二)). Reported at the person.
 * - previous-winner (exclusion): a winner of the award may not apply again within n years (ili-2024 第二十四条),
 *   from the profile's list of winners or the register's 曾获质量奖年份. Exactly n years is a warning: whether the
 *   period has passed depends on the award date.
 */
import { a1 } from '../grid';
import type { Exclusion, ShareRule } from '../profiles/quota-schema';
import { TALLY_KINDS } from '../tally';
import { cellOf, employerRole, keywordIn, matchKey, nameRole, nominationRows, type NominationRow } from './quota-common';
import type { Report, RunContext, RunRule } from './rule';

function inScope(n: NominationRow, of: 'collective' | 'individual' | 'all', categories: readonly string[], run: RunContext): boolean {
  if (of !== 'all' && n.rc.side !== of) return false;
  if (categories.length === 0) return true;
  const c = n.rc.category;
  if (!c) return false;
  return categories.some((name) => matchKey(name) === matchKey(c.name) || categoriesIs(run, name, c.name));
}
function categoriesIs(run: RunContext, a: string, b: string): boolean {
  // Both names through the profile's aliases.
  const ca = run.profile.categories.find((x) => [x.name, ...x.aliases].some((n) => matchKey(n) === matchKey(a)));
  return !!ca && [ca.name, ...ca.aliases].some((n) => matchKey(n) === matchKey(b));
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Shares written in one cell → percentages; null when a part is not a number. */
export function parseShares(text: string): number[] | null {
  const parts = text
    .replace(/[％]/g, '%')
    .split(/[、,，;；/／\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0) return null;
  const nums: number[] = [];
  let anyPercent = false;
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(p);
    if (!m) return null;
    if (m[2]) anyPercent = true;
    nums.push(Number(m[1]));
  }
  // 0.4、0.3、0.3: fractions.
  if (!anyPercent && nums.every((n) => n <= 1) && Math.abs(nums.reduce((a, b) => a + b, 0) - 1) < 0.02) return nums.map((n) => n * 100);
  return nums;
}

function checkShare(run: RunContext, rows: NominationRow[], s: ShareRule, report: (n: NominationRow, r: Omit<Report, 'row' | 'col'>, role?: string) => void): void {
  const scope = rows.filter((n) => inScope(n, s.of, s.categories, run));
  if (scope.length === 0) return;
  if (s.type === 'contribution') {
    for (const n of scope) {
      if (!n.ref.ctx.has('shares')) continue;
      const text = n.ref.ctx.text(n.row, 'shares');
      if (text === '') continue;
      const shares = parseShares(text);
      if (!shares) {
        report(n, { messageId: 'sharesUnreadable', severity: s.severity, data: { label: s.label, value: text } }, 'shares');
        continue;
      }
      const sum = Math.round(shares.reduce((a, b) => a + b, 0) * 100) / 100;
      if (Math.abs(sum - s.total) > 0.01) {
        report(n, { messageId: 'contribution', severity: s.severity, data: { label: s.label, sum, total: s.total } }, 'shares');
      }
    }
    return;
  }
  const matched: { n: NominationRow; role: string; keyword: string }[] = [];
  for (const n of scope) {
    const m = keywordIn(n.ref, n.row, s.match.roles, s.match.keywords);
    if (m) matched.push({ n, ...m });
  }
  if (s.type === 'max-share') {
    const allowed = Math.floor(s.max * scope.length + 1e-9);
    for (const m of matched.slice(allowed)) {
      report(
        m.n,
        {
          messageId: s.max === 0 ? 'notAllowed' : 'maxShare',
          severity: s.severity,
          data: { label: s.label, matched: matched.length, n: scope.length, share: pct(matched.length / scope.length), max: pct(s.max), allowed, keyword: m.keyword },
        },
        m.role,
      );
    }
  } else if (matched.length < s.min) {
    report(scope[0], { messageId: 'minCount', severity: s.severity, data: { label: s.label, matched: matched.length, n: scope.length, min: s.min } });
  }
}

function usccKey(text: string): string {
  return matchKey(text).toUpperCase();
}

function checkExclusion(run: RunContext, rows: NominationRow[], x: Exclusion, report: (n: NominationRow, r: Omit<Report, 'row' | 'col'>, role?: string) => void): void {
  if (x.type === 'org-and-manager') {
    const orgs = new Map<string, NominationRow>();
    for (const n of rows) {
      if (n.rc.side !== 'collective') continue;
      const name = n.ref.ctx.text(n.row, nameRole(n.ref));
      if (name && !orgs.has(matchKey(name))) orgs.set(matchKey(name), n);
    }
    if (orgs.size === 0) return;
    for (const n of rows) {
      if (n.rc.side !== 'individual') continue;
      const employer = n.ref.ctx.text(n.row, employerRole(n.ref));
      const org = employer ? orgs.get(matchKey(employer)) : undefined;
      if (!org) continue;
      const m = keywordIn(n.ref, n.row, ['position'], x.managerKeywords, { notAfter: '副' });
      if (!m) continue;
      const o = cellOf(org.ref, org.row);
      report(
        n,
        {
          messageId: 'orgAndManager',
          severity: x.severity,
          data: {
            label: x.label,
            name: n.ref.ctx.text(n.row, nameRole(n.ref)),
            position: n.ref.ctx.text(n.row, 'position'),
            org: employer,
            where: `${org.ref.file === n.ref.file ? '' : `${org.ref.file} `}${org.ref.sheet.name}!${a1(o.row, o.col)}`,
          },
        },
        'position',
      );
    }
    return;
  }
  // previous-winner
  const year = run.profile.year;
  const winners = x.winners.map((w) => ({ ...w, nameKey: matchKey(w.name), usccKey: w.uscc ? usccKey(w.uscc) : '' }));
  for (const n of rows) {
    if (n.rc.side !== 'collective') continue;
    const name = matchKey(n.ref.ctx.text(n.row, nameRole(n.ref)));
    const code = n.ref.ctx.has('uscc') ? usccKey(n.ref.ctx.text(n.row, 'uscc')) : '';
    let won: number | null = null;
    let role: string | undefined;
    if (n.ref.ctx.has('lastAwardYear')) {
      const m = /(\d{4})/.exec(n.ref.ctx.text(n.row, 'lastAwardYear'));
      if (m) {
        won = Number(m[1]);
        role = 'lastAwardYear';
      }
    }
    for (const w of winners) {
      if ((name && w.nameKey === name) || (code && w.usccKey === code)) won = Math.max(won ?? w.year, w.year);
    }
    if (won === null) continue;
    const now = year ?? n.ref.ctx.referenceDate.y;
    const since = now - won;
    if (since < 0 || since > x.years) continue;
    report(
      n,
      {
        messageId: since === x.years ? 'winnerBoundary' : 'previousWinner',
        severity: since === x.years ? 'warning' : x.severity,
        data: { label: x.label, year: won, years: x.years, category: x.category, now },
      },
      role,
    );
  }
}

export const rule: RunRule = {
  meta: {
    id: 'quota.share-exceeded',
    scope: 'run',
    acrossFiles: true,
    severity: 'error',
    kinds: TALLY_KINDS,
    docs: {
      zh: '违反比例或构成规定（如县处级干部超过个人总数的20%、贡献率合计不为100%、组织与其主要负责人同时申报）',
      en: 'A share or composition rule is broken (e.g. county-level cadres over 20 % of individuals, shares not adding to 100 %)',
    },
    messages: {
      maxShare: {
        zh: '{label}：符合“{keyword}”等条件的已有 {matched}/{n} 个（{share}），超过 {max}，最多 {allowed} 个',
        en: '{label}: {matched} of {n} match ({share}), more than {max}; at most {allowed} allowed',
      },
      notAllowed: {
        zh: '{label}：本行（“{keyword}”）不得参评',
        en: '{label}: this nomination ("{keyword}") is not eligible',
      },
      minCount: {
        zh: '{label}：{n} 个推荐对象中符合条件的有 {matched} 个，应至少 {min} 个',
        en: '{label}: {matched} of {n} nominations qualify; at least {min} expected',
      },
      contribution: {
        zh: '{label}：贡献率合计为 {sum}%，应为 {total}%',
        en: '{label}: contribution shares add up to {sum} %, expected {total} %',
      },
      sharesUnreadable: {
        zh: '{label}：无法读取贡献率“{value}”，请写成如 40%、30%、30%',
        en: '{label}: cannot read the shares "{value}"; write them like 40%、30%、30%',
      },
      orgAndManager: {
        zh: '{label}：“{name}”（{position}）与其所在组织“{org}”（{where}）同时申报',
        en: '{label}: "{name}" ({position}) and the organisation "{org}" ({where}) are both nominated',
      },
      previousWinner: {
        zh: '{label}：该组织 {year} 年获“{category}”，{years} 年内不得重复申报（本届 {now} 年）',
        en: '{label}: won "{category}" in {year}; may not apply again within {years} years (this round: {now})',
      },
      winnerBoundary: {
        zh: '{label}：该组织 {year} 年获“{category}”，至 {now} 年恰满 {years} 年，请按获奖日期核实是否可以申报',
        en: '{label}: won "{category}" in {year}, exactly {years} years before {now}; check the award date',
      },
    },
  },
  checkRun(run) {
    const p = run.profile;
    if (!p.shares?.length && !p.exclusions?.length) return;
    const rows = nominationRows(run.tables, p);
    if (rows.length === 0) return;
    const report = (n: NominationRow, r: Omit<Report, 'row' | 'col'>, role?: string) => {
      const c = cellOf(n.ref, n.row, role);
      run.report(n.ref, { ...r, row: c.row, col: c.col, severity: r.severity ?? undefined });
    };
    for (const s of p.shares ?? []) checkShare(run, rows, s, report);
    for (const x of p.exclusions ?? []) checkExclusion(run, rows, x, report);
  },
};
