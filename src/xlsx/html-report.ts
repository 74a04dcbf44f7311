/**
 * `--report out.html`: one self-contained page (inline CSS, no script, no external asset, `lang="zh-CN"`) with
 * the files checked, the tables found and the findings grouped by rule with counts.
 *
 * The page is meant to be passed around (e-mailed to counties), so every identity and telephone number is masked
 * wherever it appears — values, messages, fixes, file and sheet names — however it was typed (spaces, hyphens,
 * zero-width characters, full-width digits, 17/19-digit typos): core/mask-text.ts with the 公示 policy. Every
 * piece of text is HTML-escaped, and the page carries a Content-Security-Policy that allows no script and no
 * network request at all, so even an escaping mistake could neither run county text nor send anything anywhere.
 */
import type { Lang, Severity } from '../core/finding';
import { compareSeverity } from '../core/finding';
import type { ReportDocument } from '../core/report';
import { ALL_RULES } from '../core/rules';
import { ALL_FORMS } from '../core/forms';
import { DEFAULT_MASK_POLICY, type MaskPolicy } from '../core/mask-text';
import { maskPublicText } from '../core/full-numbers';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const T = {
  zh: {
    title: '评优汇总核查报告',
    generated: '生成时间',
    files: '文件',
    path: '文件',
    status: '状态',
    tables: '识别到的表格',
    ok: '已读取',
    noTable: '未找到可识别的表格',
    rows: '行',
    summary: '汇总',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    findings: '核查结果（按规则）',
    none: '未发现问题。',
    nothingChecked: '没有核查任何表格（未读取到可识别的表格），因此无法说明是否有问题。',
    cell: '位置',
    message: '说明',
    value: '原值',
    fix: '建议',
    more: (n: number) => `另有 ${n} 条未列出（完整列表请用 --json 导出）。`,
    masked: '身份证号、电话号码已脱敏（身份证号保留前 6 位和后 4 位，手机号保留前 3 位和后 4 位）。',
  },
  en: {
    title: 'Award Tally check report',
    generated: 'Generated',
    files: 'Files',
    path: 'File',
    status: 'Status',
    tables: 'Tables found',
    ok: 'read',
    noTable: 'no recognisable table',
    rows: 'rows',
    summary: 'Summary',
    errors: 'errors',
    warnings: 'warnings',
    infos: 'infos',
    findings: 'Findings by rule',
    none: 'No findings.',
    nothingChecked: 'No table was checked (none could be recognised), so nothing can be said about problems.',
    cell: 'Cell',
    message: 'Message',
    value: 'Value',
    fix: 'Fix',
    more: (n: number) => `${n} more not listed (export the full list with --json).`,
    masked: 'ID and phone numbers are masked (IDs keep their first 6 and last 4 characters, mobiles their first 3 and last 4 digits).',
  },
};

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const CSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
h3{font-size:15px;margin:20px 0 6px}.meta{color:#666;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.num{text-align:right}.sev{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;color:#fff}
.error{background:#c0392b}.warning{background:#d68910}.info{background:#5d6d7e}.bad{color:#c0392b}.muted{color:#777}
.cards span{display:inline-block;margin-right:16px;font-size:15px}code{font-family:Consolas,monospace}
`;

export interface HtmlReportOptions {
  lang?: Lang;
  /** Findings listed per rule before "N more" (default 1000). */
  maxPerRule?: number;
  /** Timestamp shown on the page (default now). */
  generatedAt?: Date;
  /** How numbers are masked (default: the 公示 convention). */
  maskPolicy?: MaskPolicy;
}

/**
 * No script, no network: nothing but the inline style sheet (CSS cannot fetch either: no img/font/connect source).
 * `frame-ancestors` cannot be set from a meta element; the page has nothing worth framing.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The report document as a self-contained HTML page. */
export function renderHtmlReport(doc: ReportDocument, opts: HtmlReportOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const t = T[lang];
  const max = opts.maxPerRule ?? 1000;
  const policy = opts.maskPolicy ?? DEFAULT_MASK_POLICY;
  const e = (s: string | null | undefined) => escapeHtml(maskPublicText(s ?? '', policy));
  const ruleMeta = new Map(ALL_RULES.map((r, i) => [r.meta.id, { meta: r.meta, order: i }]));
  const kindTitle = new Map(ALL_FORMS.map((f) => [f.kind, f.title[lang]]));
  const out: string[] = [];
  const stamp = (opts.generatedAt ?? new Date()).toISOString().replace('T', ' ').slice(0, 19);

  out.push(`<!DOCTYPE html>\n<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">`);
  out.push(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  out.push(`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.title)}</title><style>${CSS}</style></head><body>`);
  out.push(`<h1>${escapeHtml(t.title)}</h1><div class="meta">${escapeHtml(t.generated)}: ${escapeHtml(stamp)} UTC · ${escapeHtml(t.masked)}</div>`);

  const s = doc.summary;
  out.push(`<h2>${escapeHtml(t.summary)}</h2><div class="cards">`);
  out.push(`<span><span class="sev error">${escapeHtml(t.errors)}</span> ${s.errors}</span>`);
  out.push(`<span><span class="sev warning">${escapeHtml(t.warnings)}</span> ${s.warnings}</span>`);
  out.push(`<span><span class="sev info">${escapeHtml(t.infos)}</span> ${s.infos}</span></div>`);

  out.push(`<h2>${escapeHtml(t.files)} (${doc.files.length})</h2><table><thead><tr><th>${escapeHtml(t.path)}</th><th>${escapeHtml(t.status)}</th><th>${escapeHtml(t.tables)}</th></tr></thead><tbody>`);
  for (const f of doc.files) {
    let status: string;
    if (f.error) status = `<span class="bad">${e(f.error.message)}</span> <code class="muted">${escapeHtml(f.error.code)}</code>`;
    else if (f.tables.length === 0) status = `<span class="bad">${escapeHtml(t.noTable)}</span>`;
    else status = escapeHtml(t.ok);
    const tables = f.tables
      .map((x) => `${e(x.sheet)}!${escapeHtml(x.range)} ${escapeHtml(kindTitle.get(x.kind) ?? x.kind)}${lang === 'en' ? ` (${x.rows} rows)` : `（${x.rows} 行）`}`)
      .join('<br>');
    out.push(`<tr><td>${e(f.path)}</td><td>${status}</td><td>${tables}</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push(`<h2>${escapeHtml(t.findings)}</h2>`);
  if (doc.findings.length === 0) out.push(`<p>${escapeHtml(doc.files.some((f) => f.tables.length > 0) ? t.none : t.nothingChecked)}</p>`);
  const groups = new Map<string, ReportDocument['findings']>();
  for (const f of doc.findings) {
    const g = groups.get(f.rule);
    if (g) g.push(f);
    else groups.set(f.rule, [f]);
  }
  const worst = (list: ReportDocument['findings']) => list.reduce<Severity>((w, f) => (compareSeverity(f.severity, w) < 0 ? f.severity : w), 'info');
  const ordered = [...groups.entries()].sort(
    (a, b) =>
      compareSeverity(worst(a[1]), worst(b[1])) ||
      (ruleMeta.get(a[0])?.order ?? 1e9) - (ruleMeta.get(b[0])?.order ?? 1e9) ||
      a[0].localeCompare(b[0]),
  );
  const multiFile = doc.files.length > 1;
  for (const [rule, list] of ordered) {
    const sev = worst(list);
    const docs = ruleMeta.get(rule)?.meta.docs[lang] ?? '';
    out.push(
      `<h3 id="rule-${escapeHtml(rule)}"><span class="sev ${sev}">${escapeHtml(SEVERITY_LABEL[lang][sev])}</span> <code>${escapeHtml(rule)}</code> × ${list.length}` +
        (docs ? ` <span class="muted">— ${escapeHtml(docs)}</span>` : '') +
        '</h3>',
    );
    out.push(`<table><thead><tr><th>${escapeHtml(t.cell)}</th><th>${escapeHtml(t.message)}</th><th>${escapeHtml(t.value)}</th><th>${escapeHtml(t.fix)}</th></tr></thead><tbody>`);
    for (const f of list.slice(0, max)) {
      const where = `${multiFile ? e(f.file) + ' ' : ''}${e(f.sheet)}!${escapeHtml(f.cell)}`;
      const sevMark = f.severity !== sev ? `<span class="sev ${f.severity}">${escapeHtml(SEVERITY_LABEL[lang][f.severity])}</span> ` : '';
      out.push(`<tr><td>${where}</td><td>${sevMark}${e(f.message)}</td><td>${e(f.value)}</td><td>${e(f.fix)}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (list.length > max) out.push(`<p class="muted">${escapeHtml(t.more(list.length - max))}</p>`);
  }
  out.push('</body></html>\n');
  return out.join('\n');
}
