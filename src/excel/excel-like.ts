/**
 * The slice of the Office.js `Excel` namespace that the Excel host uses, declared structurally.
 *
 * The task pane passes the real global (`createExcelHost(Excel, …)`); tests and the benchmark pass the fake in
 * test/fakes/excel-fake.ts. Every member here exists in the real API with the same meaning; the requirement set
 * that introduced it is noted where it is newer than ExcelApi 1.9 (the add-in's minimum). test/excel/types.test.ts
 * checks at compile time that `typeof Excel` is assignable to `ExcelLike`, so this file cannot drift from
 * @types/office-js unnoticed.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the real API types cell arrays as any[][] */

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlCellPropertiesFill {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}
export interface XlCellProperties {
  format?: { fill?: XlCellPropertiesFill };
}
export interface XlCellPropertiesLoadOptions {
  format?: {
    fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean; tintAndShade?: boolean; patternTintAndShade?: boolean };
  };
}

export interface XlRangeFill {
  color: string;
  /** ExcelApi 1.9. */
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
  clear(): void;
}
export interface XlRangeFont {
  bold: boolean;
  italic: boolean;
  name: string;
  size: number;
  /** `#RRGGBB`. */
  color: string;
  /** `'None'`, `'Single'`, `'Double'` … */
  underline: string;
  /** ExcelApi 1.9. */
  strikethrough: boolean;
  load(propertyNames?: string | string[]): unknown;
}

/** `'EdgeTop'`, `'EdgeBottom'`, `'EdgeLeft'`, `'EdgeRight'`, `'InsideHorizontal'`, `'InsideVertical'` (and diagonals). */
export type XlBorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';
export interface XlRangeBorder {
  /** `'None'`, `'Continuous'`, `'Dash'`, `'Dot'`, `'Double'` … */
  style: string;
  /** `'Hairline'`, `'Thin'`, `'Medium'`, `'Thick'`. */
  weight: string;
  color: string;
  load(propertyNames?: string | string[]): unknown;
}
export interface XlRangeBorderCollection {
  getItem(index: XlBorderIndex): XlRangeBorder;
}

export interface XlRangeFormat {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  readonly borders: XlRangeBorderCollection;
  wrapText: boolean;
  /** `'General'`, `'Left'`, `'Center'`, `'Right'`, `'Fill'`, `'Justify'`, `'CenterAcrossSelection'`, `'Distributed'`. */
  horizontalAlignment: string;
  /** `'Top'`, `'Center'`, `'Bottom'`, `'Justify'`, `'Distributed'`. */
  verticalAlignment: string;
  /** 0–250. ExcelApi 1.9. */
  indentLevel: number;
  /** Width of every column of the range, in points (ExcelApi 1.2). */
  columnWidth: number;
  /** Height of every row of the range, in points (ExcelApi 1.2). */
  rowHeight: number;
  load(propertyNames?: string | string[]): unknown;
}

/** Data validation (ExcelApi 1.8). Set `rule` as a whole object, like `errorAlert` and `prompt`. */
export interface XlBasicDataValidation {
  formula1: string | number | XlRange;
  formula2?: string | number | XlRange;
  /** `'Between'`, `'NotBetween'`, `'EqualTo'`, `'NotEqualTo'`, `'GreaterThan'`, `'LessThan'` … */
  operator: string;
}
export interface XlDataValidationRule {
  list?: { inCellDropDown: boolean; source: string | XlRange };
  custom?: { formula: string };
  wholeNumber?: XlBasicDataValidation;
  decimal?: XlBasicDataValidation;
  textLength?: XlBasicDataValidation;
}
export interface XlDataValidationErrorAlert {
  message: string;
  showAlert: boolean;
  /** `'Stop'`, `'Warning'`, `'Information'`. */
  style: string;
  title: string;
}
export interface XlDataValidationPrompt {
  message: string;
  showPrompt: boolean;
  title: string;
}
export interface XlDataValidation {
  rule: XlDataValidationRule;
  errorAlert: XlDataValidationErrorAlert;
  prompt: XlDataValidationPrompt;
  ignoreBlanks: boolean;
  /** `'None'`, `'List'`, `'Custom'`, `'WholeNumber'` …, `'Inconsistent'`. */
  readonly type: string;
  load(propertyNames?: string | string[]): unknown;
}

/** Print setup of a worksheet (ExcelApi 1.9). Margins in points. */
export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  /** Set as a whole object. */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintArea(printArea: XlRange | XlRangeAreas | string): void;
  load(propertyNames?: string | string[]): unknown;
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: any[][];
  /** Like `values`, with `=…` formulas; constants as typed. */
  formulas: any[][];
  readonly valueTypes: string[][];
  numberFormat: any[][];
  readonly format: XlRangeFormat;
  /** ExcelApi 1.8. */
  readonly dataValidation: XlDataValidation;
  /** Merge the range into one cell (`across`: each row separately). ExcelApi 1.2. */
  merge(across?: boolean): void;
  /** The merged areas in this range (ExcelApi 1.13); a null object when there are none; fails beyond 512 areas. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** Whether every column / row of the range is hidden. ExcelApi 1.2. */
  columnHidden: boolean;
  rowHidden: boolean;
  getRow(row: number): XlRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  getCell(row: number, column: number): XlRange;
  /** ExcelApi 1.9. */
  getCellProperties(options: XlCellPropertiesLoadOptions): XlClientResult<XlCellProperties[][]>;
  select(): void;
  /** `'Contents'`, `'Formats'` or `'All'` (default). */
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  /**
   * Insert cells in the place of this range, shifting the others (ExcelApi 1.1). On whole rows (`8:9`) with
   * 'Down' it is Insert ▸ Sheet Rows: everything below moves down, references to it follow.
   */
  insert(shift: 'Down' | 'Right'): XlRange;
  load(propertyNames?: string | string[]): XlRange;
}

/** Several ranges of one sheet (ExcelApi 1.9): `worksheet.getRanges("A1,B3:B9")`. */
export interface XlRangeAreas {
  /** `Sheet1!A2:A3,Sheet1!C5:D6` (ExcelApi 1.9). */
  readonly address: string;
  /** Set on the result of an `…OrNullObject` call that found nothing. */
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly areas: { readonly items: XlRange[]; load(propertyNames?: string | string[]): unknown };
  load(propertyNames?: string | string[]): XlRangeAreas;
}

/** Cell notes (ExcelApi 1.18). A note is keyed by its cell. */
export interface XlNote {
  readonly isNullObject: boolean;
  content: string;
  delete(): void;
  getLocation(): XlRange;
  load(propertyNames?: string | string[]): XlNote;
}
export interface XlNoteCollection {
  readonly items: XlNote[];
  add(cellAddress: XlRange | string, content: any): XlNote;
  /** The note of a cell, by its address. */
  getItem(key: string): XlNote;
  getItemOrNullObject(key: string): XlNote;
  load(propertyNames?: string | string[]): XlNoteCollection;
}

/** Threaded comments (ExcelApi 1.10). */
export interface XlComment {
  readonly isNullObject: boolean;
  readonly id: string;
  content: string;
  delete(): void;
  getLocation(): XlRange;
  load(propertyNames?: string | string[]): XlComment;
}
export interface XlCommentCollection {
  readonly items: XlComment[];
  add(cellAddress: XlRange | string, content: any): XlComment;
  getItemOrNullObject(commentId: string): XlComment;
  load(propertyNames?: string | string[]): XlCommentCollection;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  readonly id: string;
  name: string;
  visibility: string;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  /** ExcelApi 1.9. */
  getRanges(address?: string): XlRangeAreas;
  /** Never throws: a blank sheet gives A1. */
  getUsedRange(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
  /** ExcelApi 1.18. */
  readonly notes: XlNoteCollection;
  /** ExcelApi 1.10. */
  readonly comments: XlCommentCollection;
  /** ExcelApi 1.9. */
  readonly pageLayout: XlPageLayout;
  load(propertyNames?: string | string[]): XlWorksheet;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  add(name?: string): XlWorksheet;
  load(propertyNames?: string | string[]): XlWorksheetCollection;
}

export interface XlInsertWorksheetOptions {
  positionType?: string;
  relativeTo?: XlWorksheet | string;
  sheetNamesToInsert?: string[];
}

export interface XlWorkbook {
  /** ExcelApi 1.7. */
  readonly name: string;
  readonly worksheets: XlWorksheetCollection;
  /** ExcelApi 1.13. Returns the new sheets' ids. */
  insertWorksheetsFromBase64(base64File: string, options?: XlInsertWorksheetOptions): XlClientResult<string[]>;
  load(propertyNames?: string | string[]): XlWorkbook;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel` itself, or the fake. */
export interface ExcelLike {
  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
}

/** `Office.context.requirements.isSetSupported`, e.g. `supports('ExcelApi', '1.18')`. */
export type SupportsFn = (set: string, version: string) => boolean;
