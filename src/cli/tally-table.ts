/**
 * The tally as terminal tables (for `check` and `merge`): nominations per region × class as `count/quota`, then
 * per category × sub-category as `count/places`. Over-quota cells are marked ✗ (red with colour). Regions of the
 * quota table without any nomination are summarised in one line, so 41 regions do not flood the screen.
 * Columns are aligned by display width (a Chinese character takes two columns).
 */
import type { Lang } from '../core/finding';
import type { CategoryTally, RegionTally, Tally } from '../core/tally';
import type { Paint } from './io';

/** Display width: East Asian wide and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}
function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return right ? fill + s : s + fill;
}

interface Cell {
  text: string;
  over: boolean;
}

function table(header: string[], rows: Cell[][], paint: Paint, indent = '  '): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]?.text ?? ''))));
  const line = (cells: Cell[], isHeader: boolean) =>
    indent +
    cells
      .map((c, i) => {
        const s = pad(c.text, widths[i], i > 0 && !isHeader);
        return c.over ? paint('red', s) : isHeader ? paint('bold', s) : s;
      })
      .join('  ')
      .replace(/\s+$/, '');
  return [line(header.map((text) => ({ text, over: false })), true), ...rows.map((r) => line(r, false))];
}

const L = {
  zh: {
    byRegion: '名额核对 · 按地区或部门（推荐数/名额）',
    byCategory: '名额核对 · 按类别（推荐数/评选名额）',
    region: '地区或部门',
    category: '类别',
    sub: '子类',
    side: { collective: '集体/组织', individual: '个人', total: '合计' },
    notInTable: '（不在名额表）',
    variants: (v: string[]) => `含写法：${v.join('、')}`,
    total: '合计',
    idle: (n: number) => `其余 ${n} 个地区或部门尚无推荐`,
    over: (n: number) => `超出名额的有 ${n} 项`,
  },
  en: {
    byRegion: 'Quota check · by region (nominated/quota)',
    byCategory: 'Quota check · by category (nominated/places)',
    region: 'Region or department',
    category: 'Category',
    sub: 'Sub-category',
    side: { collective: 'Collectives', individual: 'Individuals', total: 'Total' },
    notInTable: ' (not in quota table)',
    variants: (v: string[]) => `also written: ${v.join(', ')}`,
    total: 'Total',
    idle: (n: number) => `${n} more regions without nominations`,
    over: (n: number) => `${n} over quota`,
  },
};

function fraction(count: number, limit: number | null, over: number): Cell {
  if (limit === null) return { text: String(count), over: false };
  return { text: `${over > 0 ? '✗ ' : ''}${count}/${limit}`, over: over > 0 };
}

function regionTable(list: readonly RegionTally[], lang: Lang, paint: Paint): string[] {
  const t = L[lang];
  const classes: { id: string; label: string }[] = [];
  for (const e of list) if (!classes.some((c) => c.id === e.class)) classes.push({ id: e.class, label: e.label });
  const regions = new Map<string, RegionTally[]>();
  for (const e of list) {
    const k = `${e.known === false ? '\u0001' : ''}${e.region}`;
    const g = regions.get(k);
    if (g) g.push(e);
    else regions.set(k, [e]);
  }
  const rows: Cell[][] = [];
  let idle = 0;
  let overs = 0;
  const sums = classes.map(() => ({ count: 0, quota: 0, hasQuota: false }));
  for (const entries of regions.values()) {
    const first = entries[0];
    const active = entries.some((e) => e.count > 0);
    entries.forEach((e) => {
      const i = classes.findIndex((c) => c.id === e.class);
      sums[i].count += e.count;
      if (e.quota !== null) {
        sums[i].quota += e.quota;
        sums[i].hasQuota = true;
      }
      if (e.over > 0) overs++;
    });
    if (!active) {
      idle++;
      continue;
    }
    const cells: Cell[] = [{ text: first.region + (first.known === false ? t.notInTable : ''), over: false }];
    for (const c of classes) {
      const e = entries.find((x) => x.class === c.id);
      cells.push(e ? fraction(e.count, e.quota, e.over) : { text: '', over: false });
    }
    cells.push({ text: first.variants.length ? t.variants(first.variants) : '', over: false });
    rows.push(cells);
  }
  if (rows.length === 0) return [];
  rows.push([
    { text: t.total, over: false },
    ...sums.map((s) => ({ text: s.hasQuota ? `${s.count}/${s.quota}` : String(s.count), over: false })),
    { text: '', over: false },
  ]);
  const out = [paint('bold', t.byRegion), ...table([t.region, ...classes.map((c) => c.label), ''], rows, paint)];
  if (idle) out.push(paint('gray', `  ${t.idle(idle)}`));
  if (overs) out.push(paint('red', `  ${t.over(overs)}`));
  return out;
}

function categoryTable(list: readonly CategoryTally[], lang: Lang, paint: Paint): string[] {
  const t = L[lang];
  // Only what was nominated, or is over: a profile's places alone are not news.
  const groups = new Map<string, CategoryTally[]>();
  for (const e of list) {
    const k = `${e.category}\u0000${e.subcategory ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const sides = (['collective', 'individual', 'total'] as const).filter((s) => list.some((e) => e.side === s && (e.count > 0 || e.over > 0)));
  const withSubs = list.some((e) => e.subcategory !== null && e.count > 0);
  const rows: Cell[][] = [];
  for (const entries of groups.values()) {
    if (!entries.some((e) => e.count > 0)) continue;
    const e0 = entries[0];
    rows.push([
      { text: e0.subcategory ? '' : e0.category, over: false },
      ...(withSubs ? [{ text: e0.subcategory ?? '', over: false }] : []),
      ...sides.map((s) => {
        const e = entries.find((x) => x.side === s);
        return e ? fraction(e.count, e.places, e.over) : { text: '', over: false };
      }),
    ]);
  }
  if (rows.length === 0) return [];
  return [paint('bold', t.byCategory), ...table([t.category, ...(withSubs ? [t.sub] : []), ...sides.map((s) => t.side[s])], rows, paint)];
}

/** The tally tables, or no lines when there is nothing to show. */
export function renderTally(tally: Tally, lang: Lang, paint: Paint): string[] {
  const a = regionTable(tally.byRegion, lang, paint);
  const b = categoryTable(tally.byCategory, lang, paint);
  const out: string[] = [];
  if (a.length) out.push('', ...a);
  if (b.length) out.push('', ...b);
  return out;
}
