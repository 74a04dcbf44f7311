import { compactText } from '../normalize';

/**
 * 政治面貌 (political status), GB/T 4762-1984 《政治面貌代码》, in the short written forms that personnel forms
 * use. Codes 01–13 are the standard's.
 */

export const POLITICAL_STATUSES: readonly { code: string; name: string; fullName: string }[] = [
  { code: '01', name: '中共党员', fullName: '中国共产党党员' },
  { code: '02', name: '中共预备党员', fullName: '中国共产党预备党员' },
  { code: '03', name: '共青团员', fullName: '中国共产主义青年团团员' },
  { code: '04', name: '民革党员', fullName: '中国国民党革命委员会会员' },
  { code: '05', name: '民盟盟员', fullName: '中国民主同盟盟员' },
  { code: '06', name: '民建会员', fullName: '中国民主建国会会员' },
  { code: '07', name: '民进会员', fullName: '中国民主促进会会员' },
  { code: '08', name: '农工党党员', fullName: '中国农工民主党党员' },
  { code: '09', name: '致公党党员', fullName: '中国致公党党员' },
  { code: '10', name: '九三学社社员', fullName: '九三学社社员' },
  { code: '11', name: '台盟盟员', fullName: '台湾民主自治同盟盟员' },
  { code: '12', name: '无党派人士', fullName: '无党派民主人士' },
  { code: '13', name: '群众', fullName: '群众' },
];

/**
 * Other ways the same status is written → the short form above. Keys are compared after `compactText`
 * (brackets unified, spaces removed). Besides each status's full name:
 *
 * - `党员` / `共产党员` are read as 中共党员: on a Chinese personnel form an unqualified 党员 means a CPC member
 *   (members of the eight democratic parties always name their party). The finding says so, as info, and fill
 *   writes 中共党员, so a reviewer sees the reading.
 * - `预备党员` → 中共预备党员, `团员` / `共青团` → 共青团员, a party's name alone (`民盟`, `九三学社`) → its member
 *   status.
 * - `无` is *not* mapped: it could mean 群众 or 无党派人士.
 */
export const POLITICAL_STATUS_ALIASES: Readonly<Record<string, string>> = {
  党员: '中共党员',
  共产党员: '中共党员',
  中国共产党员: '中共党员',
  中共正式党员: '中共党员',
  正式党员: '中共党员',
  预备党员: '中共预备党员',
  '中共党员(预备)': '中共预备党员',
  中共预备: '中共预备党员',
  团员: '共青团员',
  共青团: '共青团员',
  青年团员: '共青团员',
  民革: '民革党员',
  民革会员: '民革党员',
  民盟: '民盟盟员',
  民建: '民建会员',
  民进: '民进会员',
  农工党: '农工党党员',
  农工民主党党员: '农工党党员',
  致公党: '致公党党员',
  九三学社: '九三学社社员',
  九三社员: '九三学社社员',
  台盟: '台盟盟员',
  无党派: '无党派人士',
  无党派民主人士: '无党派人士',
};

const canonical = new Map<string, string>();
const aliases = new Map<string, string>();
for (const s of POLITICAL_STATUSES) {
  canonical.set(compactText(s.name), s.name);
  if (s.fullName !== s.name) aliases.set(compactText(s.fullName), s.name);
}
for (const [k, v] of Object.entries(POLITICAL_STATUS_ALIASES)) aliases.set(compactText(k), v);

/** Standard short forms written exactly → a shared result object: the common case, one map read. */
const exactMatches = new Map<string, { name: string; match: 'exact' }>();
for (const s of POLITICAL_STATUSES) exactMatches.set(s.name, { name: s.name, match: 'exact' });

/**
 * Look a written status up: `exact` when it is the standard short form (spacing and bracket width aside),
 * `alias` when it is another known way of writing one; null when unknown.
 */
export function lookupPoliticalStatus(text: string): { name: string; match: 'exact' | 'alias' } | null {
  const hit = exactMatches.get(text);
  if (hit !== undefined) return hit;
  const key = compactText(text);
  const c = canonical.get(key);
  if (c !== undefined) return { name: c, match: 'exact' };
  const a = aliases.get(key);
  return a !== undefined ? { name: a, match: 'alias' } : null;
}
