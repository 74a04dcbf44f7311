/**
 * quota.members-exceeded — an application's roster is too long (SPEC §3): xinjiang-2019 附件3 小组成员名单
 * （10人以内）for a QC group (成员人数 and the names of 成员名单), 附件8 成员名单（前15名）for a trusted team (the list
 * only: a team may have more members than it lists); jilin-2025 主要起草人员 一般不超过5人 (a warning).
 * The limits are the profile's `rosters`; a profile without any uses xinjiang-2019's for QC registers.
 * 成员名单 names are separated by 、 , ， ; ； / or line breaks.
 */
import { getProfile } from '../profiles';
import type { RosterRule } from '../profiles/quota-schema';
import { quotaNumber } from '../forms/qc-quota';
import { rowReader } from './quota-common';
import type { TableRule } from './rule';

/** Names in a 成员名单 cell. */
export function rosterNames(text: string): string[] {
  return text
    .split(/[、,，;；/／\n\r]+|\s{2,}/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function rostersOf(profile: Parameters<typeof rowReader>[0]): readonly RosterRule[] {
  return profile.rosters?.length ? profile.rosters : (getProfile('xj-qc-2019').rosters ?? []);
}

export const rule: TableRule = {
  meta: {
    id: 'quota.members-exceeded',
    severity: 'error',
    kinds: ['qc.register'],
    docs: {
      zh: '小组成员超过10人，或班组成员名单超过15人（按评选配置）',
      en: 'A QC group has more than 10 members, or a team lists more than 15 (per the profile)',
    },
    messages: {
      members: {
        zh: '“{category}”成员人数为 {count}，超过 {max} 人（{label}）',
        en: '"{category}" has {count} members, more than {max} ({label})',
      },
      list: {
        zh: '“{category}”成员名单列出 {count} 人，超过 {max} 人（{label}）',
        en: '"{category}" lists {count} members, more than {max} ({label})',
      },
    },
  },
  check(ctx) {
    const rosters = rostersOf(ctx.profile);
    if (rosters.length === 0 || !ctx.has('category')) return;
    const categories = rowReader(ctx.profile).categories;
    const hasMembers = ctx.has('members');
    const hasList = ctx.has('roster');
    if (!hasMembers && !hasList) return;
    return {
      end() {
        for (const row of ctx.table.rows) {
          const catText = ctx.text(row, 'category');
          if (catText === '') continue;
          for (const r of rosters) {
            if (!r.categories.some((n) => categories.is(catText, n) || categories.is(n, catText))) continue;
            const category = categories.category(catText)?.name ?? catText;
            if (hasMembers && r.count.includes('members')) {
              const n = quotaNumber(ctx.value(row, 'members'));
              if (n !== null && !Number.isNaN(n) && n > r.max) {
                ctx.report({ row, col: ctx.col('members'), messageId: 'members', severity: r.severity, data: { category, count: n, max: r.max, label: r.label } });
              }
            }
            if (hasList && r.count.includes('list')) {
              const names = rosterNames(ctx.text(row, 'roster'));
              if (names.length > r.max) {
                ctx.report({ row, col: ctx.col('roster'), messageId: 'list', severity: r.severity, data: { category, count: names.length, max: r.max, label: r.label } });
              }
            }
          }
        }
      },
    };
  },
};
