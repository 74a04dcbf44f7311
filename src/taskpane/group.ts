/** Grouping of findings by severity, then rule (in the catalogue's order, titled with the rule's docs). */
import type { LocatedFinding } from '../core/check';
import type { Lang, Severity } from '../core/finding';
import { ALL_RULES } from '../core/rules';
import { SEVERITIES } from './findings';

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

