/**
 * Errors as people read them. Hosts throw typed errors that carry their own Chinese and English text
 * (ExcelHostError, WorkbookReadError: `text(lang)`; TemplateKindError: `messageEn`); those are shown as they are.
 * Anything else gets "操作未完成：…" with its message, never a raw exception text alone. Duck-typed so the task
 * pane does not import the hosts' modules.
 */
import { strings, type Lang } from './i18n';

export interface ShownError {
  /** The sentence to show. */
  message: string;
  /** The original text (Office error code, exception message) for a support request, when there is one. */
  detail?: string;
}

function hasText(e: object): e is { text(lang: Lang): string } {
  return typeof (e as { text?: unknown }).text === 'function';
}

export function describeError(e: unknown, lang: Lang): ShownError {
  const s = strings(lang);
  if (e && typeof e === 'object') {
    const detail = typeof (e as { detail?: unknown }).detail === 'string' ? (e as { detail: string }).detail : undefined;
    if (hasText(e)) {
      const text = e.text(lang);
      if (typeof text === 'string' && text) return { message: text, detail };
    }
    const en = (e as { messageEn?: unknown }).messageEn;
    if (typeof en === 'string' && e instanceof Error) return { message: lang === 'en' ? en : e.message, detail };
    // webpack's lazy chunk failed to download (offline, proxy): not the user's data.
    if (e instanceof Error && (e.name === 'ChunkLoadError' || /Loading chunk .* failed/.test(e.message))) {
      return { message: s.errorChunk, detail: e.message };
    }
    if (e instanceof Error && e.message) {
      const code = (e as { code?: unknown }).code;
      const prefix = typeof code === 'string' && code ? `${code}: ` : '';
      return { message: s.errorFallback(e.message), detail: detail ?? (prefix ? prefix + e.message : undefined) };
    }
  }
  if (typeof e === 'string' && e) return { message: s.errorFallback(e) };
  return { message: s.errorUnknown };
}
