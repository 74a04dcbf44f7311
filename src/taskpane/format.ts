/**
 * Numbers and times as the pane shows them, without Intl: the first Intl formatter a page creates loads the
 * locale's data, about 100 ms of the main thread, and that landed in the middle of a check's progress updates.
 * Counts are integers, grouped by thousands as both zh-CN and en-US write them (12,345).
 */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A time of day as each UI language writes it: 14:05:09 (zh-CN), 2:05:09 PM (en-US). */
export function clockTime(d: Date, lang: 'zh' | 'en'): string {
  const h = d.getHours();
  if (lang === 'zh') return `${two(h)}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${two(d.getMinutes())}:${two(d.getSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}
