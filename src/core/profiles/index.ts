/**
 * Profiles: the built-in ones (from the seeds) and loading a user's JSON. The engine never reads files:
 * the CLI or the task pane reads the text and calls `loadProfileText(text, source)`.
 *
 * Errors are `ProfileError`s whose message lists each problem with its JSON path, in Chinese
 * (`配置文件 x.json 有误：unitTypes：至少需要 1 项`) or English (`format('en')`).
 */
import type { ZodIssue } from 'zod';
import type { Lang } from '../finding';
import { checkedProfileSchema, type Profile } from './schema';
import { findJsonSyntaxProblem } from './json-syntax';
import ili2025Contribution from './ili-2025-contribution.json';
import xjQc2019 from './xj-qc-2019.json';
import iliGovQuality from './ili-gov-quality.json';
import jilin2025Quality from './jilin-2025-quality.json';
import nantong2020Mayor from './nantong-2020-mayor.json';

export type { Profile, ProfileInput } from './schema';

export const DEFAULT_PROFILE_ID = 'ili-2025-contribution';

export interface ProfileIssue {
  /** JSON path, e.g. `categories[2].places.collective`; '' for the document itself. */
  path: string;
  zh: string;
  en: string;
}

export class ProfileError extends Error {
  constructor(
    /** File name or other label of where the profile came from. */
    readonly source: string,
    readonly issues: ProfileIssue[],
    /** What kind of failure: unreadable JSON, invalid content, or an unknown built-in id. */
    readonly code: 'syntax' | 'invalid' | 'unknown-id' = 'invalid',
  ) {
    super(formatProfileIssues(source, issues, 'zh', code));
    this.name = 'ProfileError';
  }
  /** The message in the given language. */
  format(lang: Lang): string {
    return formatProfileIssues(this.source, this.issues, lang, this.code);
  }
  get messageEn(): string {
    return this.format('en');
  }
}

function formatProfileIssues(source: string, issues: ProfileIssue[], lang: Lang, code: ProfileError['code']): string {
  const items = issues.map((i) => (i.path ? `${i.path}${lang === 'zh' ? '：' : ': '}${i[lang]}` : i[lang]));
  if (code === 'unknown-id') {
    return lang === 'zh' ? `没有内置配置“${source}”：${items.join('；')}` : `Unknown profile "${source}": ${items.join('; ')}`;
  }
  if (lang === 'zh') return `配置文件 ${source} 有误：${items.join('；')}`;
  return `Profile ${source} is invalid: ${items.join('; ')}`;
}

/** `['categories', 2, 'places']` → `categories[2].places`. */
function jsonPath(path: (string | number)[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(p)) s += s ? `.${p}` : p;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true/false）',
  object: '对象 {…}',
  array: '数组 […]',
  null: 'null',
  undefined: '缺失',
  nan: 'NaN',
  float: '小数',
};
const typeZh = (t: string): string => TYPE_ZH[t] ?? t;

/** One zod issue in both languages. */
function describeIssue(issue: ZodIssue): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { zh: '缺少此项（必填）', en: 'required' };
      return {
        zh: `应为${typeZh(issue.expected)}，实际为${typeZh(issue.received)}`,
        en: `expected ${issue.expected}, got ${issue.received}`,
      };
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.type === 'array') return { zh: `至少需要 ${n} 项`, en: `needs at least ${n} item${n === 1 ? '' : 's'}` };
      if (issue.type === 'string') {
        return n <= 1 ? { zh: '不能为空', en: 'must not be empty' } : { zh: `至少 ${n} 个字符`, en: `needs at least ${n} characters` };
      }
      return issue.inclusive
        ? { zh: `不能小于 ${n}`, en: `must be at least ${n}` }
        : { zh: `应大于 ${n}`, en: `must be greater than ${n}` };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.type === 'array') return { zh: `最多 ${n} 项`, en: `at most ${n} items` };
      if (issue.type === 'string') return { zh: `最多 ${n} 个字符`, en: `at most ${n} characters` };
      return issue.inclusive ? { zh: `不能大于 ${n}`, en: `must be at most ${n}` } : { zh: `应小于 ${n}`, en: `must be less than ${n}` };
    }
    case 'invalid_string':
      if (issue.path[issue.path.length - 1] === 'id') {
        return {
          zh: '只能由小写字母、数字、点和连字符组成，并以字母或数字开头（如 ili-2026-contribution）',
          en: 'only lowercase letters, digits, dots and hyphens, starting with a letter or digit (e.g. ili-2026-contribution)',
        };
      }
      return { zh: '格式不对', en: issue.message };
    case 'invalid_enum_value':
      return {
        zh: `应为 ${issue.options.join(' / ')} 之一`,
        en: `must be one of ${issue.options.join(' / ')}`,
      };
    case 'not_multiple_of':
      return { zh: `应为 ${issue.multipleOf} 的倍数`, en: `must be a multiple of ${issue.multipleOf}` };
    case 'custom': {
      const p = issue.params as { zh?: string; en?: string } | undefined;
      if (p?.zh && p.en) return { zh: p.zh, en: p.en };
      return { zh: issue.message, en: issue.message };
    }
    default:
      return { zh: `无效（${issue.message}）`, en: issue.message };
  }
}

/** Validate a parsed JSON value as a profile; throws `ProfileError` listing every problem. */
export function parseProfile(json: unknown, source: string): Profile {
  const r = checkedProfileSchema.safeParse(json);
  if (r.success) return r.data;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ProfileError(source, [
      { path: '', zh: '内容应为一个 JSON 对象 {…}', en: 'the content must be a JSON object {…}' },
    ]);
  }
  throw new ProfileError(
    source,
    r.error.issues.map((i) => ({ path: jsonPath(i.path), ...describeIssue(i) })),
  );
}

/** Parse the text of a profile file (JSON) and validate it. A syntax error gives its line, column and cause. */
export function loadProfileText(text: string, source: string): Profile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from Windows Notepad
  if (body.trim() === '') throw new ProfileError(source, [{ path: '', zh: '文件是空的', en: 'the file is empty' }], 'syntax');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const p = findJsonSyntaxProblem(body);
    const issue: ProfileIssue = p
      ? {
          path: '',
          zh: `不是有效的 JSON：第 ${p.line} 行第 ${p.col} 列：${p.zh}`,
          en: `not valid JSON: line ${p.line}, column ${p.col}: ${p.en}`,
        }
      : {
          path: '',
          zh: `不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`,
          en: `not valid JSON (${e instanceof Error ? e.message : String(e)})`,
        };
    throw new ProfileError(source, [issue], 'syntax');
  }
  return parseProfile(json, source);
}

/** Built-in profiles, validated once when the module loads (a bad built-in is a bug and fails loudly). */
export const builtinProfiles: readonly Profile[] = [
  parseProfile(ili2025Contribution, 'ili-2025-contribution.json'),
  parseProfile(xjQc2019, 'xj-qc-2019.json'),
  parseProfile(iliGovQuality, 'ili-gov-quality.json'),
  parseProfile(jilin2025Quality, 'jilin-2025-quality.json'),
  parseProfile(nantong2020Mayor, 'nantong-2020-mayor.json'),
];

/** A built-in profile by id; throws `ProfileError` (code `unknown-id`) naming the ids that exist. */
export function getProfile(id: string): Profile {
  const p = builtinProfiles.find((x) => x.id === id);
  if (p) return p;
  const ids = builtinProfiles.map((x) => x.id).join(', ');
  throw new ProfileError(
    id,
    [{ path: '', zh: `可用的有 ${ids}，也可以给出一个 .json 配置文件`, en: `built-in profiles are ${ids}; or give a .json profile file` }],
    'unknown-id',
  );
}
