/** What the host's jobs (apply.ts, mark.ts, insert.ts) get from the façade (host.ts): options, sets, runs. */
import type { Lang } from '../core/finding';
import type { HostCapabilities, StepKey } from '../taskpane/host-port';
import type { SupportsFn, XlContext } from './excel-like';
import type { SheetSpec } from '../core/sheet-spec';

export type TemplateKind = 'annex3';

/** The manifest's minimum (manifest.xml): reading sheets and writing cells work from ExcelApi 1.1 (Office 2016). */
export const MINIMUM_SET = '1.1';
/** Marking and clearing marks: getCellProperties, getRanges, RangeFill.pattern. */
export const MARKS_SET = '1.9';
/** Merged data cells spread to the rows they cover: Range.getMergedAreasOrNullObject. */
export const MERGES_SET = '1.13';

export interface ExcelHostOptions {
  /** `Office.context.requirements.isSetSupported`; without it only the manifest minimum (ExcelApi 1.1) is assumed. */
  supports?: SupportsFn;
  /** Base64 .xlsx of a template (the task pane lazy-loads the ExcelJS writer). */
  templateBase64?: (kind: TemplateKind) => Promise<string>;
  /** The same template as a SheetSpec, for Excel without ExcelApi 1.13 (also lazy-loaded). */
  templateSpec?: (kind: TemplateKind) => Promise<SheetSpec>;
  /** Language of progress labels. */
  lang?: Lang;
}

/** Steps reported with progress (the pane words them). */
export const LABELS = { read: 'read', mark: 'mark', clear: 'clear', apply: 'apply', template: 'template' } as const satisfies Record<string, StepKey>;

export type LabelKey = keyof typeof LABELS;

export interface HostEnv {
  readonly supports: SupportsFn;
  readonly lang: Lang;
  readonly options: ExcelHostOptions;
  capabilities(): HostCapabilities;
  label(k: LabelKey): StepKey;
  /** Excel.run with every failure an ExcelHostError; refused in plain words below `need` (default MINIMUM_SET). */
  run<T>(batch: (ctx: XlContext) => Promise<T>, need?: string): Promise<T>;
  runAt<T>(need: string, batch: (ctx: XlContext) => Promise<T>): Promise<T>;
}
