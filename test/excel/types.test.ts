/**
 * Compile-time contract: the real Office.js `Excel` namespace (from @types/office-js) must fit the structural
 * slice the host is written against, so the task pane can pass the global `Excel` unchanged.
 */
import type { ExcelLike } from '../../src/excel/excel-like';
import { FakeExcel } from '../fakes/excel-fake';

type RealFits = typeof Excel extends ExcelLike ? true : false;
type FakeFits = FakeExcel extends ExcelLike ? true : false;

test('typeof Excel and the fake both satisfy ExcelLike', () => {
  const real: RealFits = true;
  const fake: FakeFits = true;
  expect(real && fake).toBe(true);
});
