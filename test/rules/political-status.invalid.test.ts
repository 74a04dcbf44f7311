import { rule } from '../../src/core/rules/political-status.invalid';
import { POLITICAL_STATUSES } from '../../src/core/data/political-status';
import { ruleCases } from '../helpers/rule-tester';

ruleCases(rule, {
  valid: [
    { name: 'every GB/T 4762 value', rows: POLITICAL_STATUSES.map((s) => ({ politicalStatus: s.name })) },
    { name: 'spaces', rows: [{ politicalStatus: '中共 党员' }] },
    { name: 'empty is required.missing’s', rows: [{ politicalStatus: null }] },
  ],
  invalid: [
    {
      name: 'unknown value',
      rows: [{ politicalStatus: '积极分子' }],
      errors: [{ cell: 'E3', severity: 'warning', message: '政治面貌“积极分子”不规范', fix: null }],
    },
    { name: '无 is not guessed', rows: [{ politicalStatus: '无' }], errors: [{ severity: 'warning', fix: null }] },
    {
      name: '党员 is read as 中共党员 (info, fixable)',
      rows: [{ politicalStatus: '党员' }],
      errors: [{ cell: 'E3', severity: 'info', message: '政治面貌“党员”按规范应写作“中共党员”', fix: '中共党员' }],
    },
    {
      name: 'full names',
      rows: [{ politicalStatus: '中国共产党党员' }, { politicalStatus: '中国共产主义青年团团员' }, { politicalStatus: '中国民主同盟盟员' }],
      errors: [
        { severity: 'info', fix: '中共党员' },
        { severity: 'info', fix: '共青团员' },
        { severity: 'info', fix: '民盟盟员' },
      ],
    },
    {
      name: 'short forms',
      rows: [
        { politicalStatus: '团员' },
        { politicalStatus: '预备党员' },
        { politicalStatus: '中共党员（预备）' },
        { politicalStatus: '九三学社' },
        { politicalStatus: '无党派' },
      ],
      errors: [
        { cell: 'E3', fix: '共青团员', severity: 'info' },
        { cell: 'E4', fix: '中共预备党员', severity: 'info' },
        { cell: 'E5', fix: '中共预备党员', severity: 'info' },
        { cell: 'E6', fix: '九三学社社员', severity: 'info' },
        { cell: 'E7', fix: '无党派人士', severity: 'info' },
      ],
    },
  ],
});
