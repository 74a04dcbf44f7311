/** Task-pane UI strings. Chinese is the default; English when Office's display language is English (SPEC §6). */

export type Lang = 'zh' | 'en';

/** Office.context.displayLanguage is an RFC 5646 tag such as "zh-CN" or "en-US"; anything but English gets Chinese. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const zh = {
  title: '评优汇总核查',
  subtitle: '推荐汇总表与 QC 统计表核查',
  placeholder: '核查面板将随 Excel 宿主适配一起提供：届时可在此核查当前工作表或整个工作簿。',
  logoAlt: '评优汇总核查图标',
};

export type Strings = typeof zh;

const en: Strings = {
  title: 'Award Tally',
  subtitle: 'Checks nomination summaries and QC statistics tables',
  placeholder:
    'The check panel arrives with the Excel host: you will then check the active sheet or the whole workbook here.',
  logoAlt: 'Award Tally icon',
};

const STRINGS: Record<Lang, Strings> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** The HTML lang attribute, so the browser picks CJK fonts and hyphenation correctly. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
