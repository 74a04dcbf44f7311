/**
 * The masking policy of an award profile (SPEC §5, §6 公示 export): which characters of an identity number, a
 * mobile and a landline stay visible wherever personal data is shown to the public or passed around — the HTML
 * report, `award-tally mask`, the task pane and the browser version. One policy for every output: two published
 * lists that mask different parts of the same number could be put side by side and read in full.
 *
 * Defaults: ID first 6 + last 4 (`654002********1234`), mobile first 3 + last 4 (`138****5678`), landline area
 * code + last 4 (`0991-***4567`). The schema keeps at least 8 of an ID's 18 characters and 4 of a mobile's 11
 * hidden, whatever a profile asks for.
 */
import { z } from 'zod';

const keep = (max: number, dflt: number) => z.number().int().min(0).max(max).default(dflt);

export const maskPolicySchema = z
  .object({
    /** 身份证号 (GB 11643-1999): characters kept at the start and at the end. */
    id: z.object({ head: keep(10, 6), tail: keep(10, 4) }).default({}),
    /** Mainland mobile (11 digits). */
    mobile: z.object({ head: keep(7, 3), tail: keep(7, 4) }).default({}),
    /** Landline: the area code kept or not, and the last digits of the local number. */
    landline: z.object({ areaCode: z.boolean().default(true), tail: keep(4, 4) }).default({}),
  })
  .superRefine((p, ctx) => {
    if (p.id.head + p.id.tail > 10) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['id'],
        message: 'id: head + tail must leave at least 8 of 18 characters hidden',
        params: { zh: `身份证号保留位数（前 ${p.id.head} + 后 ${p.id.tail}）过多：至少隐藏 8 位`, en: 'id: head + tail must leave at least 8 of 18 characters hidden' },
      });
    }
    if (p.mobile.head + p.mobile.tail > 7) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['mobile'],
        message: 'mobile: head + tail must leave at least 4 of 11 digits hidden',
        params: { zh: `手机号保留位数（前 ${p.mobile.head} + 后 ${p.mobile.tail}）过多：至少隐藏 4 位`, en: 'mobile: head + tail must leave at least 4 of 11 digits hidden' },
      });
    }
  });

export type MaskPolicyInput = z.input<typeof maskPolicySchema>;
export type ProfileMaskPolicy = z.infer<typeof maskPolicySchema>;

/** The default policy (ID 6 + 4, mobile 3 + 4, landline area code + 4). */
export const DEFAULT_PROFILE_MASK_POLICY: ProfileMaskPolicy = maskPolicySchema.parse({});

/** `s` with all but its first `head` and last `tail` characters replaced by `*` (all of it when too short). */
export function keepEnds(s: string, head: number, tail: number): string {
  const chars = [...s];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + (tail ? chars.slice(-tail).join('') : '');
}
