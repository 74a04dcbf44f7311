/**
 * The masking policy of an award profile (SPEC §5, §6 公示 export): which characters of an identity number and a
 * mobile stay visible wherever personal data is shown to the public or passed around — the HTML report,
 * `award-tally mask`, the task pane and the browser version. One policy for every output: two published lists
 * that mask different parts of the same number could be put side by side and read in full.
 *
 * The profile's `masking` is the masker's own `MaskPolicy` (core/mask-text.ts), validated: defaults ID first 6 +
 * last 4 (`654002********1234`), mobile first 3 + last 4 (`138****5678`); a landline always keeps its area code
 * and last 4 digits (`0991-***4567`). At least 8 of an ID's 18 characters and 4 of a mobile's 11 digits stay hidden,
 * whatever a profile asks for.
 */
import { z } from 'zod';
import { DEFAULT_MASK_POLICY, type MaskPolicy } from '../mask-text';

const keep = (max: number, dflt: number) => z.number().int().min(0).max(max).default(dflt);

export const maskPolicySchema = z
  .object({
    /** 身份证号 (GB 11643-1999): characters kept at the start and at the end. */
    idHead: keep(10, DEFAULT_MASK_POLICY.idHead),
    idTail: keep(10, DEFAULT_MASK_POLICY.idTail),
    /** Mainland mobile (11 digits). */
    mobileHead: keep(7, DEFAULT_MASK_POLICY.mobileHead),
    mobileTail: keep(7, DEFAULT_MASK_POLICY.mobileTail),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.idHead + p.idTail > 10) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['idHead'],
        message: 'idHead + idTail must leave at least 8 of 18 characters hidden',
        params: { zh: `身份证号保留位数（前 ${p.idHead} + 后 ${p.idTail}）过多：至少隐藏 8 位`, en: 'idHead + idTail must leave at least 8 of 18 characters hidden' },
      });
    }
    if (p.mobileHead + p.mobileTail > 7) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['mobileHead'],
        message: 'mobileHead + mobileTail must leave at least 4 of 11 digits hidden',
        params: { zh: `手机号保留位数（前 ${p.mobileHead} + 后 ${p.mobileTail}）过多：至少隐藏 4 位`, en: 'mobileHead + mobileTail must leave at least 4 of 11 digits hidden' },
      });
    }
  });

export type MaskPolicyInput = z.input<typeof maskPolicySchema>;
/** The profile's policy is the masker's MaskPolicy (checked at compile time below). */
export type ProfileMaskPolicy = z.infer<typeof maskPolicySchema>;
const _sameShape: MaskPolicy = {} as ProfileMaskPolicy;
void _sameShape;

/** `s` with all but its first `head` and last `tail` characters replaced by `*` (all of it when too short). */
export function keepEnds(s: string, head: number, tail: number): string {
  const chars = [...s];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + (tail ? chars.slice(-tail).join('') : '');
}

/** The policy of a profile (the default one when the profile has none). */
export function maskPolicyOf(profile: { masking?: MaskPolicy } | null | undefined): MaskPolicy {
  return profile?.masking ?? DEFAULT_MASK_POLICY;
}
