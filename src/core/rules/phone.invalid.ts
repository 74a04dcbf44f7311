/**
 * phone.invalid — 联系电话 / 联系人电话 is not a Chinese phone number (SPEC §3): a mainland mobile `1[3-9]` + 9
 * digits, a landline `0` + area code + 7–8 digits with an optional extension, or a 400/800 number, after spaces,
 * `+86`, hyphens, full-width digits and brackets are removed (see identifiers/phone.ts).
 *
 * Decisions:
 * - A cell may hold several numbers (`13812345678/0999-8012345`, `…、…`, one per line, or two separated by
 *   spaces): it is valid when each is.
 * - A landline stored as a number has lost its leading 0 (`9998012345`); the message says so and suggests the
 *   number with its 0. Not fixable: the rule cannot know the number was not simply mistyped.
 */
import { formatNumber, inspect, isPlainMobile, type PhoneInvalidReason } from '../identifiers/phone';
import { cleanCellText } from '../normalize';
import type { TableContext, TableRule } from './rule';

const ROLES = ['phone', 'contactPhone'] as const;
/** Separators between several numbers in one cell. */
const MULTI = /[/／、,，;；\n\r|]|或/;

export const rule: TableRule = {
  meta: {
    id: 'phone.invalid',
    severity: 'error',
    kinds: ['annex3.collective', 'annex3.individual'],
    docs: {
      zh: '联系电话不是有效的手机号（1[3-9] 开头 11 位）、固定电话（区号-号码，可带分机）或 400/800 号码',
      en: 'The phone is not a mainland mobile (11 digits, 1[3-9]…), a landline (area code + number, optional extension) or a 400/800 number',
    },
    messages: {
      empty: { zh: '“{label}”中没有号码', en: '{labelEn} holds no number' },
      chars: {
        zh: '“{label}”含有号码以外的字符：“{value}”',
        en: '{labelEn} contains characters that are not part of a phone number: "{value}"',
      },
      length: {
        zh: '“{label}”位数不对：“{value}”（手机号 11 位，固定电话为区号加 7–8 位号码）',
        en: '{labelEn} has the wrong number of digits: "{value}" (mobile 11 digits; landline area code + 7–8 digits)',
      },
      format: {
        zh: '“{label}”不是有效的手机号或固定电话：“{value}”',
        en: '{labelEn} is not a valid mobile or landline number: "{value}"',
      },
      areaCode: {
        zh: '“{label}”固定电话缺少区号：“{value}”（应写作如 0999-8012345）',
        en: '{labelEn}: landline without its area code: "{value}" (write e.g. 0999-8012345)',
      },
      extension: {
        zh: '“{label}”分机号写法不对：“{value}”（手机号和 400/800 号码没有分机；分机为 1–6 位数字，如 0999-8012345转123）',
        en: '{labelEn}: malformed extension in "{value}" (mobiles and 400/800 numbers have none; 1–6 digits, e.g. 0999-8012345-123)',
      },
      leadingZeroLost: {
        zh: '“{label}”存成了数字，区号前的 0 已丢失：“{value}”。请把单元格设为文本，写作 {suggested}',
        en: '{labelEn} is stored as a number and lost the leading 0 of its area code: "{value}". Format the cell as text and write {suggested}',
      },
    },
  },
  check(ctx) {
    const present = ROLES.filter((role) => ctx.has(role));
    if (present.length === 0) return;
    const cols = present.map((role) => {
      const def = ctx.table.form.columns.find((c) => c.role === role);
      return { j: ctx.index(role), col: ctx.col(role), label: def?.label ?? role, labelEn: def?.labelEn ?? role };
    });
    const rows = ctx.table.rows;
    return (block, first, count) => {
      for (const c of cols) {
        const j = c.j;
        for (let k = 0; k < count; k++) {
          const value = block[k][j];
          // Most cells are a plain mobile number — as text, one scan of its characters; stored as a number, an
          // integer from 13000000000 to 19999999999 (11 digits, 1[3-9]…).
          if (typeof value === 'string' ? isPlainMobile(value) : typeof value === 'number' && value >= 13e9 && value < 2e10 && Number.isInteger(value)) continue;
          const text = cleanCellText(value);
          if (text === '') continue;
          checkPhone(ctx, rows[first + k], c, value, text);
        }
      }
    };
  },
};

function checkPhone(ctx: TableContext, row: number, c: { col: number; label: string; labelEn: string }, value: unknown, text: string): void {
  const { col, label, labelEn } = c;
  const r = inspect(text);
  if (r.ok) return;
  let reason: PhoneInvalidReason = r.reason;
  if (MULTI.test(text)) {
    const parts = text.split(MULTI).map((p) => p.trim()).filter((p) => p !== '');
    const bad = parts.map(inspect).find((p) => !p.ok);
    if (parts.length > 1 && bad === undefined) return;
    if (bad && !bad.ok) reason = bad.reason;
  } else if (/\S\s+\S/.test(text)) {
    // Two numbers separated by spaces only (`13812345678 0999-8012345`): valid when each part is.
    const parts = text.split(/\s+/).filter((p) => p !== '');
    if (parts.length > 1 && parts.every((p) => inspect(p).ok)) return;
  }
  if (typeof value === 'number') {
    const zero = inspect('0' + text);
    if (zero.ok && zero.number.kind === 'landline') {
      const suggested = formatNumber(zero.number);
      ctx.report({ row, col, messageId: 'leadingZeroLost', data: { label, labelEn, value: text, suggested }, fix: suggested });
      return;
    }
  }
  ctx.report({ row, col, messageId: reason, data: { label, labelEn, value: text } });
}
