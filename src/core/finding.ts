/**
 * Findings: what the engine reports. The shape is the public JSON contract of SPEC §7
 * (`findings[]` in the report), so it is a zod schema and the type is inferred from it.
 */
import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const langSchema = z.enum(['zh', 'en']);
export type Lang = z.infer<typeof langSchema>;

export const findingSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
  rule: z.string(),
  severity: severitySchema,
  message: z.string(),
  value: z.string().nullable().optional(),
  fix: z.string().nullable().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** A message template in both languages; `{name}` placeholders are filled from the report's data. */
export interface Message {
  zh: string;
  en: string;
}

/** Templates split once into literal text (even indices) and placeholder names (odd indices). */
const compiled = new Map<string, string[]>();

/**
 * The last message formatted, with the values of its placeholders: a column repeats one mistake (事业单位 for 事业
 * down the column), and its findings then share one message string.
 */
let last: { t: string; parts: string[]; values: unknown[]; out: string } | null = null;

export function formatMessage(tpl: Message, lang: Lang, data?: Record<string, string | number>): string {
  const t = tpl[lang];
  if (!data) return t;
  if (last !== null && last.t === t) {
    const { parts, values } = last;
    let same = true;
    for (let i = 1, j = 0; i < parts.length; i += 2, j++) {
      if (data[parts[i]] !== values[j]) {
        same = false;
        break;
      }
    }
    if (same) return last.out;
  }
  let parts = compiled.get(t);
  if (!parts) {
    parts = t.split(/\{(\w+)\}/);
    compiled.set(t, parts);
  }
  const values: unknown[] = [];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    values.push(data[k]);
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1];
  }
  last = { t, parts, values, out };
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER[a] - SEVERITY_ORDER[b];
}
