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

/** The last message formatted: a column repeats one mistake (事业单位 on every tenth row), its findings share it. */
let last: { t: string; data: Record<string, string | number>; out: string } | null = null;

function sameData(a: Record<string, string | number>, b: Record<string, string | number>): boolean {
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const k in b) if (--n < 0 || !(k in a)) return false;
  return true;
}

export function formatMessage(tpl: Message, lang: Lang, data?: Record<string, string | number>): string {
  const t = tpl[lang];
  if (!data) return t;
  if (last !== null && last.t === t && sameData(data, last.data)) return last.out;
  let parts = compiled.get(t);
  if (!parts) {
    parts = t.split(/\{(\w+)\}/);
    compiled.set(t, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1];
  }
  last = { t, data, out };
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER[a] - SEVERITY_ORDER[b];
}
