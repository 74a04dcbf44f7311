/**
 * The task pane's language. Chinese is the default; English when Office's display language is English (SPEC §6).
 * The words themselves are in one catalogue per language: strings-zh.ts and strings-en.ts.
 */
import type { Lang } from '../core/finding';
import { zh, type Strings } from './strings-zh';
import { en } from './strings-en';

export type { Lang } from '../core/finding';
export type { Strings } from './strings-zh';

/** Office.context.displayLanguage is an RFC 5646 tag such as "zh-CN" or "en-US"; anything but English gets Chinese. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const STRINGS: Record<Lang, Strings> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** The HTML lang attribute, so the browser picks CJK fonts and hyphenation correctly. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
