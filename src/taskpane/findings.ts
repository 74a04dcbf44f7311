/**
 * Counting and filtering of findings for the check panel: pure functions, no rule logic, and no engine import
 * (the engine is a separate chunk; grouping by rule, which needs the rule catalogue, is in group.ts).
 */
import type { LocatedFinding } from '../core/check';
import type { Severity } from '../core/finding';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

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

/** Identity of a finding in the list (the same cell can have several findings). */
export function findingKey(f: LocatedFinding): string {
  return `${f.sheet}\u0000${f.cell}\u0000${f.rule}\u0000${f.message}`;
}

/** `Sheet!A1`, quoting sheet names as Excel does when they hold spaces or punctuation. */
export function where(sheet: string, cell: string): string {
  const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}
