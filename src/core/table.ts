/** A table found on a sheet by its header row, and the sheet-level information around it. */
import type { FormDef, TableKind } from './forms/form';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

/** The `推荐单位（盖章）：… 填表日期：…年…月…日` line above the tables. */
export interface TitleInfo {
  row: number;
  col: number;
  /** 推荐单位, null when the line has the label but nothing after it. */
  recommender: string | null;
  /** Raw text after 填表日期, null when absent. */
  formDateText: string | null;
  formDate: YMD | null;
}

export interface LocatedTable {
  kind: TableKind;
  form: FormDef;
  sheet: string;
  /** First header row (0-based sheet row) and how many rows the header spans (1 or 2). */
  headerRow: number;
  headerRows: number;
  /** Role → 0-based sheet column, for the columns found. */
  columns: Record<string, number>;
  /** Required roles whose column was not found. */
  missing: string[];
  /** Data rows (0-based sheet rows) in order; template rows holding only a 序号 are left out. */
  rows: number[];
  /** Leftmost/rightmost column of the header, and last row of the table (inclusive). */
  left: number;
  right: number;
  bottom: number;
  /** Category from a section or sheet title, e.g. 商务经济方面. */
  category: string | null;
  title: TitleInfo | null;
  /**
   * Vertical forms only (layout 'vertical', src/core/locate-vertical.ts): role → where the item was found.
   * `columns` then holds the header cells (label, unit, value).
   */
  items?: Record<string, LocatedItem>;
  /** Vertical forms: the value columns — the one 数量 column, or one per period (`2022年` …) in header order. */
  valueCols?: number[];
  /** Vertical forms with period columns: the header text of each value column (`2022年`). */
  periods?: string[];
}

/** An item of a vertical form: its label cell and its value cell (period tables: the first period's). */
export interface LocatedItem {
  row: number;
  labelCol: number;
  col: number;
  /** The label as found in the sheet. */
  label: string;
  /** Text after `：` inside the label cell (`联系人：张三` → 张三), when the value is written there. */
  inline?: string;
}
