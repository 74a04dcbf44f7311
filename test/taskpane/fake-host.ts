/** A WorkbookHost over a fixed grid that records every call, for the task-pane component tests. */
import type { WorkbookGrid } from '../../src/core/grid';
import type { LocatedFinding } from '../../src/core/check';
import type { CellChange } from '../../src/core/fill';
import type { ApplyResult, HostCapabilities, OnProgress, SheetPayload, WorkbookHost, WorkbookSettings } from '../../src/taskpane/host-port';
import { personId } from '../helpers/ids';

export type Method = 'workbookName' | 'readWorkbook' | 'selectCell' | 'mark' | 'clearMarks' | 'applyChanges' | 'insertSheet' | 'settings.get' | 'settings.set';

export interface Call {
  method: Method;
  args: unknown[];
}

const HEADER = ['序号', '姓名', '性别', '民族', '政治面貌', '学历学位', '工作单位', '单位性质', '职务', '身份证号', '联系电话', '备注'];

/** The wrong check character of a valid ID. */
export function wrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
}

/** Full-width digits, as pasted from a web page. */
export function fullWidth(id: string): string {
  return id.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** A realistic 附件3 individual table: one clean row, a missing gender, a gender conflict, a bad
 * check digit, and a full-width ID with a 单位性质 synonym and an unknown 民族. */
export function annex3Grid(): WorkbookGrid {
  return {
    name: '县汇总.xlsx',
    sheets: [
      {
        name: '附件3',
        values: [
          ['伊犁州经济高质量发展贡献奖先进个人推荐对象汇总表'],
          ['推荐单位（盖章）：示例县人民政府', null, null, null, null, null, null, '填表日期：2025年11月3日'],
          HEADER,
          [1, '甲示例', '男', '汉族', '中共党员', '大学本科', '示例县甲公司', '企业', '经理', personId('19800101', '123'), '13999990041', null],
          [2, '乙示例', '', '汉族', '群众', '大学本科', '示例县乙公司', '企业', '会计', personId('19850101', '124'), '13999990042', null],
          [3, '丙示例', '男', '回族', '群众', '大专', '示例县丙学校', '事业', '教师', personId('19900101', '126'), '13999990043', null],
          [4, '丁示例', '男', '汉族', '群众', '大学本科', '示例县丁医院', '事业', '医生', wrongCheck(personId('19880808', '017')), '13999990044', null],
          [5, '戊示例', '女', '火星族', '群众', '大学本科', '示例县戊公司', '事业单位', '职员', fullWidth(personId('19900615', '026')), '139 9999 0045', null],
        ],
        numberFormats: [[], [], [], ...Array.from({ length: 5 }, () => [null, null, null, null, null, null, null, null, null, '@', '@'])],
      },
    ],
  };
}

export class FakeHost implements WorkbookHost {
  calls: Call[] = [];
  caps: HostCapabilities = { notes: true, comments: false, insertWorksheets: true };
  /** An error to throw from a method. */
  fail: Partial<Record<Method, unknown>> = {};
  /** When set, readWorkbook waits for it (to observe the progress bar). */
  gate: Promise<void> | null = null;
  /** Changes the host reports as skipped (cells "edited since"). */
  skip: (c: CellChange) => boolean = () => false;

  constructor(public grid: WorkbookGrid = annex3Grid()) {}

  private record(method: Method, args: unknown[]): void {
    this.calls.push({ method, args });
    if (method in this.fail) throw this.fail[method];
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  capabilities(): HostCapabilities {
    return this.caps;
  }

  async workbookName(): Promise<string> {
    this.record('workbookName', []);
    return this.grid.name;
  }

  async readWorkbook(scope: 'active' | 'all', onProgress?: OnProgress): Promise<WorkbookGrid> {
    this.record('readWorkbook', [scope]);
    onProgress?.({ done: 1, total: 4 });
    if (this.gate) await this.gate;
    onProgress?.({ done: 4, total: 4 });
    return scope === 'active' ? { ...this.grid, sheets: this.grid.sheets.slice(0, 1) } : this.grid;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record('selectCell', [sheet, cell]);
  }

  async mark(findings: readonly LocatedFinding[]): Promise<{ marked: number }> {
    this.record('mark', [findings]);
    return { marked: new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size };
  }

  async clearMarks(): Promise<{ cleared: number }> {
    this.record('clearMarks', []);
    return { cleared: 3 };
  }

  async applyChanges(changes: readonly CellChange[]): Promise<ApplyResult> {
    this.record('applyChanges', [changes]);
    const skipped = changes.filter((c) => this.skip(c));
    return { written: changes.length - skipped.length, skipped };
  }

  async insertSheet(sheet: SheetPayload): Promise<string> {
    this.record('insertSheet', [sheet]);
    return `${sheet.name} (2)`;
  }

  /** The workbook's settings (Office's document settings in Excel). */
  stored = new Map<string, string>();
  settings: WorkbookSettings = {
    get: async (key) => {
      this.record('settings.get', [key]);
      return this.stored.get(key) ?? null;
    },
    set: async (key, value) => {
      this.record('settings.set', [key, value]);
      this.stored.set(key, value);
    },
  };
}
