/** Grouping and filtering of findings for the check panel: pure functions, no rule logic. */
import type { LocatedFinding } from '../core/check';
import type { Lang, Severity } from '../core/finding';
import { ALL_RULES } from '../core/rules';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface RuleGroup {
  rule: string;
  /** What the rule checks, in the UI language (the rule's docs); the rule id when unknown. */
  title: string;
  findings: LocatedFinding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

const RULE_ORDER = new Map(ALL_RULES.map((r, i) => [r.meta.id, i] as const));
const RULE_DOCS = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta.docs] as const));

export function ruleTitle(rule: string, lang: Lang): string {
  return RULE_DOCS.get(rule)?.[lang] ?? rule;
}

export function countBySeverity(findings: readonly LocatedFinding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

export interface FindingFilter {
  text: string;
  severity: Severity | 'all';
}

/** Case-insensitive substring match on sheet!cell, message, value, rule id and fix. */
export function filterFindings(findings: readonly LocatedFinding[], filter: FindingFilter): LocatedFinding[] {
  const q = filter.text.trim().toLowerCase();
  return findings.filter((f) => {
    if (filter.severity !== 'all' && f.severity !== filter.severity) return false;
    if (!q) return true;
    const hay = `${f.sheet}!${f.cell}\n${f.cell}\n${f.message}\n${f.value ?? ''}\n${f.rule}\n${f.fix ?? ''}`.toLowerCase();
    return hay.includes(q);
  });
}

/** Severity (error, warning, info), then rules in catalogue order; findings keep the engine's sheet/row order. */
export function groupFindings(findings: readonly LocatedFinding[], lang: Lang): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const byRule = new Map<string, LocatedFinding[]>();
    let count = 0;
    for (const f of findings) {
      if (f.severity !== severity) continue;
      count++;
      let list = byRule.get(f.rule);
      if (!list) byRule.set(f.rule, (list = []));
      list.push(f);
    }
    if (count === 0) continue;
    const rules = [...byRule.entries()]
      .sort(([a], [b]) => (RULE_ORDER.get(a) ?? 1e9) - (RULE_ORDER.get(b) ?? 1e9) || a.localeCompare(b))
      .map(([rule, list]) => ({ rule, title: ruleTitle(rule, lang), findings: list }));
    out.push({ severity, count, rules });
  }
  return out;
}

/** Identity of a finding in the list (the same cell can have several findings). */
export function findingKey(f: LocatedFinding): string {
  return `${f.sheet}\u0000${f.cell}\u0000${f.rule}\u0000${f.message}`;
}

/** `Sheet!A1`, quoting sheet names as Excel does when they hold spaces or punctuation. */
export function where(sheet: string, cell: string): string {
  const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}
