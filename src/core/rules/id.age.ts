/**
 * id.age — age on the form date (填表日期, else today) below the profile's minimum (16) or above its maximum
 * (100). A warning: unusual, not impossible. Skipped when the birth date is after that date (id.birthdate).
 */
import { formatYMD, hasFormDate, idColumn, ymdNumber } from './id-common';
import type { TableRule } from './rule';

export const rule: TableRule = {
  meta: {
    id: 'id.age',
    severity: 'warning',
    kinds: ['annex3.individual'],
    docs: {
      zh: '按填表日期计算的年龄应在方案规定的范围内（默认 16–100 岁）',
      en: "Age on the form date should be within the profile's limits (16–100 by default)",
    },
    messages: {
      tooYoung: {
        zh: '按身份证号，截至 {ref} 年龄为 {age} 岁，小于 {min} 岁',
        en: 'By the ID number the person is {age} on {ref}, younger than {min}',
      },
      tooOld: {
        zh: '按身份证号，截至 {ref} 年龄为 {age} 岁，大于 {max} 岁',
        en: 'By the ID number the person is {age} on {ref}, older than {max}',
      },
      tooYoungToday: {
        zh: '按身份证号，截至今天 {ref}（表上未填有效的填表日期）年龄为 {age} 岁，小于 {min} 岁',
        en: 'By the ID number the person is {age} today, {ref} (the form has no valid 填表日期), younger than {min}',
      },
      tooOldToday: {
        zh: '按身份证号，截至今天 {ref}（表上未填有效的填表日期）年龄为 {age} 岁，大于 {max} 岁',
        en: 'By the ID number the person is {age} today, {ref} (the form has no valid 填表日期), older than {max}',
      },
    },
  },
  check(ctx) {
    // Filled during the row pass: read in `end`.
    const ids = idColumn(ctx);
    return {
      end() {
        const { min, max } = ctx.profile.age;
        // Without a form date the age is taken on today's date, and the message says so.
        const dated = hasFormDate(ctx);
        const ref = ymdNumber(ctx.referenceDate);
        const latest = Math.min(ref, ymdNumber(ctx.today));
        // With dates as yyyymmdd numbers, completed years of age = ⌊(ref − birth) / 10000⌋.
        for (let i = 0; i < ids.size; i++) {
          const b = ids.birth[i];
          if (b > latest || !ids.isValid(i)) continue;
          const age = Math.floor((ref - b) / 10000);
          if (age < min) ctx.report({ row: ids.rows[i], col: ids.col, messageId: dated ? 'tooYoung' : 'tooYoungToday', data: { age, min, ref: formatYMD(ctx.referenceDate) }, fix: null });
          else if (age > max) ctx.report({ row: ids.rows[i], col: ids.col, messageId: dated ? 'tooOld' : 'tooOldToday', data: { age, max, ref: formatYMD(ctx.referenceDate) }, fix: null });
        }
      },
    };
  },
};
