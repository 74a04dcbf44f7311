import { rule } from '../../src/core/rules/seq.gap';
import { ruleCases } from '../helpers/rule-tester';
import { IND_HEADER, individuals, person, sideBySide } from '../helpers/layouts';


ruleCases(rule, {
  valid: [
    { name: '1, 2, 3 as numbers', rows: [{}, {}, {}] },
    { name: 'as text, padded, full-width or 1.0', rows: [{ seq: '1' }, { seq: '02' }, { seq: '３' }, { seq: '4.0' }] },
    { name: 'collective', kind: 'annex3.collective', rows: [{}, {}] },
    {
      name: 'pre-numbered template rows after the data are not data rows',
      rows: [{}, {}, [3], [4]],
    },
    { name: 'no rows', rows: [] },
    { name: '表格可加页: the header typed again on page 2, 序号 continuing', rows: [], values: individuals(person(1), person(2), IND_HEADER, person(3), person(4)) },
    { name: 'page 2 after an empty row and a 续表 line', rows: [], values: individuals(person(1), [], ['（续表）'], IND_HEADER, person(2)) },
    { name: 'a 小计 row between nominees is not numbered', rows: [], values: individuals(person(1), [null, '小计', null, null, null, null, null, null, null, null, null, '1人'], person(2)) },
    { name: 'side-by-side tables each numbered from 1', rows: [], values: sideBySide(2, 3) },
    { name: 'a helper column beside the table adds no rows to number', rows: [], values: [...individuals(person(1)), ...Array.from({ length: 50 }, (_, i) => [...IND_HEADER.map(() => null), i])] },
  ],
  invalid: [
    {
      name: 'page 2 restarting at 1: 序号 continues across pages',
      rows: [],
      values: individuals(person(1), person(2), IND_HEADER, person(1)),
      errors: [{ cell: 'A6', message: '序号应为 3，实际为“1”', fix: '3' }],
    },
    {
      name: 'a gap: 1, 2, 4',
      rows: [{ seq: 1 }, { seq: 2 }, { seq: 4 }],
      errors: [{ cell: 'A5', message: '序号应为 3，实际为“4”', fix: '3', value: '4' }],
    },
    {
      name: 'a repeat shifts the rest: 1, 1, 2',
      rows: [{ seq: 1 }, { seq: 1 }, { seq: 2 }],
      errors: [
        { cell: 'A4', fix: '2' },
        { cell: 'A5', fix: '3' },
      ],
    },
    {
      name: 'starts at 0',
      rows: [{ seq: 0 }, { seq: 1 }],
      errors: [
        { cell: 'A3', fix: '1' },
        { cell: 'A4', fix: '2' },
      ],
    },
    {
      name: 'empty 序号 in a data row',
      rows: [{}, { seq: null }],
      errors: [{ cell: 'A4', message: '序号为空，应为 2', fix: '2', value: null }],
    },
    {
      name: 'not a number',
      rows: [{ seq: '一' }],
      errors: [{ cell: 'A3', fix: '1' }],
    },
    {
      name: 'collective numbering restarts per table',
      kind: 'annex3.collective',
      rows: [{ seq: 2 }],
      errors: [{ cell: 'A3', fix: '1', severity: 'warning' }],
    },
  ],
});
