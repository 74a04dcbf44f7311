/**
 * Duplicate rows of the master sheets (SPEC §6 Consolidate "duplicates highlighted"): rows that are the same
 * organisation or person, whichever file they came from. The same identity as dup.cross-file and id.duplicate:
 * 统一社会信用代码 (GB 32100-2015), a valid 身份证号 in its 18-digit form (GB 11643-1999), the organisation's name,
 * and for people 姓名 + 工作单位 (middle dots and spaces unified, see nameKey) whenever one of the two rows has no
 * valid ID — two rows with different valid IDs are two people even when name and employer agree.
 */
import { cellText } from './normalize';
import { nameKey } from './normalize';
import type { CellValue } from './grid';
import { inspect as inspectId } from './identifiers/resident-id';
import { inspect as inspectUscc } from './identifiers/uscc';
import type { DuplicateGroup, MasterSheet } from './consolidate';

type Why = DuplicateGroup['why'];

/** 18-digit form of a valid ID, else ''. */
export function validIdKey(v: CellValue): string {
  if (v === null) return '';
  const r = inspectId(cellText(v));
  return r.status === 'ok' ? r.canonical : '';
}

function usccKey(v: CellValue): string {
  if (v === null) return '';
  const r = inspectUscc(cellText(v));
  return r.status === 'ok' ? r.clean : '';
}

class UnionFind {
  readonly parent: Int32Array;
  readonly why: (Why | null)[];
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
    this.why = new Array<Why | null>(n).fill(null);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number, why: Why): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[hi] = lo;
    this.why[lo] = this.why[lo] ?? this.why[hi] ?? why;
  }
}

/** Mark each sheet's duplicate rows (`dupGroup`) and return the groups, in order of their first row. */
export function markDuplicates(sheets: MasterSheet[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  for (const s of sheets) {
    const col = (role: string) => s.columns.findIndex((c) => c.role === role);
    const n = s.rows.length;
    const uf = new UnionFind(n);
    const byKey = (keyOf: (r: CellValue[]) => string, why: Why) => {
      const first = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const k = keyOf(s.rows[i]);
        if (k === '') continue;
        const f = first.get(k);
        if (f === undefined) first.set(k, i);
        else uf.union(f, i, why);
      }
    };
    const cUscc = col('uscc');
    const cId = col('residentId');
    if (cUscc >= 0) byKey((r) => usccKey(r[cUscc]), 'uscc');
    if (cId >= 0) byKey((r) => validIdKey(r[cId]), 'id');
    const text = (r: CellValue[], c: number) => (c < 0 ? '' : nameKey(cellText(r[c])));
    let nameCol = -1;
    if (s.kind === 'annex3.collective') {
      nameCol = col('collectiveName');
      byKey((r) => text(r, nameCol), 'name');
    } else if (s.kind === 'qc.register') {
      nameCol = col('name');
      const ent = col('enterprise');
      byKey((r) => {
        const name = text(r, nameCol);
        const e = text(r, ent);
        if (name === '') return '';
        // An application whose 名称 is the enterprise itself is the organisation; else the group of that enterprise.
        return name === e || e === '' ? `org:${name}` : `app:${name}|${e}`;
      }, 'name');
    } else {
      nameCol = col('name');
      const emp = col('employer');
      // 姓名 + 工作单位, only linking rows of which at least one lacks a valid ID.
      const people = new Map<string, { withId: number[]; without: number[] }>();
      for (let i = 0; i < n; i++) {
        const name = text(s.rows[i], nameCol);
        const e = text(s.rows[i], emp);
        if (name === '' || e === '') continue;
        const k = `${name}|${e}`;
        let p = people.get(k);
        if (!p) people.set(k, (p = { withId: [], without: [] }));
        (cId >= 0 && validIdKey(s.rows[i][cId]) !== '' ? p.withId : p.without).push(i);
      }
      for (const p of people.values()) {
        if (p.without.length === 0) continue;
        const anchor = p.without[0];
        for (const i of [...p.without.slice(1), ...p.withId]) uf.union(anchor, i, 'person');
      }
    }
    const rootGroup = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const r = uf.find(i);
      if (r === i && uf.why[i] === null) continue; // alone
      let g = rootGroup.get(r);
      if (g === undefined) {
        g = groups.length;
        rootGroup.set(r, g);
        groups.push({ sheet: s.name, why: uf.why[r] ?? 'name', value: cellText(s.rows[r][nameCol] ?? null), rows: [], acrossFiles: false });
      }
      const grp = groups[g];
      grp.rows.push(i);
      if (s.sources[grp.rows[0]].file !== s.sources[i].file) grp.acrossFiles = true;
      s.dupGroup[i] = g;
    }
  }
  return groups;
}
