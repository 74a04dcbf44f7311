/**
 * 单位性质 lookup for a profile: the canonical list (ili-2025 附件3 备注1) and its known synonyms, compared after
 * `compactText` (full-width → half-width, spaces removed, bracket widths unified), so `村(居)民委员会` and
 * `村（居）民委员会` meet. Built once per profile object.
 */
import { compactText } from '../normalize';
import type { Profile } from './schema';

export type UnitTypeMatch =
  /** Written exactly as the profile lists it. */
  | { match: 'exact'; canonical: string }
  /** The canonical value in another spelling (bracket width, spaces), or a listed synonym. */
  | { match: 'synonym'; canonical: string };

interface Lookup {
  canonical: Map<string, string>;
  synonyms: Map<string, string>;
  /** Values written exactly as listed → their (shared) match object: the common case, one map read. */
  exact: Map<string, UnitTypeMatch>;
}

const cache = new WeakMap<Profile, Lookup>();

function build(profile: Profile): Lookup {
  const canonical = new Map<string, string>();
  for (const u of profile.unitTypes) canonical.set(compactText(u), u);
  const synonyms = new Map<string, string>();
  for (const [from, to] of Object.entries(profile.unitTypeSynonyms)) {
    const target = canonical.get(compactText(to));
    if (target !== undefined) synonyms.set(compactText(from), target);
  }
  const exact = new Map<string, UnitTypeMatch>();
  for (const u of profile.unitTypes) exact.set(u, { match: 'exact', canonical: u });
  return { canonical, synonyms, exact };
}

/**
 * The lookup of one profile, for a whole column: how a written 单位性质 relates to the profile's list; null when
 * it is neither listed nor a known synonym.
 */
export function unitTypeLookup(profile: Profile): (text: string) => UnitTypeMatch | null {
  let lk = cache.get(profile);
  if (!lk) {
    lk = build(profile);
    cache.set(profile, lk);
  }
  const { exact, canonical, synonyms } = lk;
  // Other spellings recur down a column (事业单位 on every tenth row): their result is kept, up to a bound.
  const seen = new Map<string, UnitTypeMatch | null>();
  return (text) => {
    const hit = exact.get(text);
    if (hit !== undefined) return hit;
    const known = seen.get(text);
    if (known !== undefined) return known;
    const key = compactText(text);
    const c = canonical.get(key);
    const s = synonyms.get(key);
    const m: UnitTypeMatch | null =
      c !== undefined ? (c === text ? { match: 'exact', canonical: c } : { match: 'synonym', canonical: c }) : s !== undefined ? { match: 'synonym', canonical: s } : null;
    if (seen.size < 1000) seen.set(text, m);
    return m;
  };
}
