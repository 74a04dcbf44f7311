/**
 * political-status.invalid — 政治面貌 is not in the GB/T 4762 list: 中共党员, 中共预备党员, 共青团员, the eight
 * democratic parties' members (民革党员 … 台盟盟员), 无党派人士, 群众 (SPEC §3; data in data/political-status.ts).
 *
 * Decision: other known ways of writing a status — full names (中国共产党党员), short forms (党员, 团员, 预备党员,
 * 民盟, 九三学社 …) — are reported at info severity with the standard form as the fix. An unqualified `党员` is read
 * as 中共党员 (members of the democratic parties name their party); the message shows the reading. `无` is not
 * guessed (群众 or 无党派人士?) and stays a warning.
 */
import { lookupPoliticalStatus } from '../data/political-status';
import { cleanCellText } from '../normalize';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'political-status.invalid',
    severity: 'warning',
    kinds: ['annex3.individual'],
    fixable: true,
    docs: {
      zh: '政治面貌不在 GB/T 4762 规定的范围内（中共党员、中共预备党员、共青团员、各民主党派成员、无党派人士、群众）',
      en: 'Political status is not in the GB/T 4762 list',
    },
    messages: {
      invalid: {
        zh: '政治面貌“{value}”不规范，应为：中共党员、中共预备党员、共青团员、民革党员、民盟盟员、民建会员、民进会员、农工党党员、致公党党员、九三学社社员、台盟盟员、无党派人士、群众',
        en: 'Political status "{value}" is not a GB/T 4762 value (中共党员, 中共预备党员, 共青团员, the democratic parties\' members, 无党派人士, 群众)',
      },
      alias: { zh: '政治面貌“{value}”按规范应写作“{name}”', en: 'Political status "{value}" should be written "{name}"' },
    },
  },
  check(ctx) {
    const j = ctx.index('politicalStatus');
    if (j < 0) return;
    const col = ctx.col('politicalStatus');
    const rows = ctx.table.rows;
    return (block, first, count) => {
      for (let k = 0; k < count; k++) {
        const v = block[k][j];
        // A status written exactly is clean already: one map read, no cleaning.
        let m = typeof v === 'string' ? lookupPoliticalStatus(v) : null;
        if (m?.match === 'exact') continue;
        const text = cleanCellText(v);
        if (text === '') continue;
        if (text !== v) m = lookupPoliticalStatus(text);
        const row = rows[first + k];
        if (m === null) ctx.report({ row, col, messageId: 'invalid', data: { value: text } });
        else if (m.match === 'alias') {
          ctx.report({ row, col, messageId: 'alias', data: { value: text, name: m.name }, fix: m.name, severity: 'info' });
        }
      }
    };
  },
};
