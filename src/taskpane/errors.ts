/**
 * Errors as people read them. Hosts throw HostError (host-port.ts: a code and its parameters); the pane words the
 * code from its catalogue. A lazy chunk that failed to download is said as such; anything else is
 * "操作未完成：…" with its message, never a raw exception text alone.
 */
import { isHostError } from './host-port';
import { strings, type Lang } from './i18n';

export interface ShownError {
  /** The sentence to show. */
  message: string;
  /** The original text (Office error code, exception message) for a support request, when there is one. */
  detail?: string;
}

export function describeError(e: unknown, lang: Lang): ShownError {
  const s = strings(lang);
  if (isHostError(e)) return { message: s.errors[e.code](e.params), detail: e.detail };
  if (e instanceof Error) {
    // webpack's lazy chunk failed to download (offline, proxy): not the user's data.
    if (e.name === 'ChunkLoadError' || /Loading chunk .* failed/.test(e.message)) return { message: s.errorChunk, detail: e.message };
    if (e.message) {
      // An Office error that reached the pane unwrapped keeps its code for a support request.
      const code = (e as { code?: unknown }).code;
      return typeof code === 'string' && code ? { message: s.errorFallback(e.message), detail: `${code}: ${e.message}` } : { message: s.errorFallback(e.message) };
    }
  }
  if (typeof e === 'string' && e) return { message: s.errorFallback(e) };
  return { message: s.errorUnknown };
}
