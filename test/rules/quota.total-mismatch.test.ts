import { rule } from '../../src/core/rules/quota.total-mismatch';
import { runCases, quotaSheet } from '../helpers/quota-tester';
import { seedQuotaSheet } from '../helpers/seed-quota';

const TWO: [string, number | string, number | string, number | string][] = [
  ['奎屯市工信局', 4, 3, 2],
  ['伊犁州工信局', 11, 6, 4],
];

// quotaSheet: 附件2, title, two header rows, then regions from sheet row 5; the total row follows them.
runCases(rule, {
  valid: [
    { name: 'the seed 附件2 as printed: 446 / 247 / 185', files: { 'q.xlsx': [seedQuotaSheet()] } },
    { name: 'no total row', files: { 'q.xlsx': [quotaSheet(TWO, null)] } },
    { name: 'total typed as text with spaces', files: { 'q.xlsx': [quotaSheet(TWO, [' 15', '9 ', '６'])] } },
    {
      name: '地州市小计 and 行业部门小计 rows are not regions and not summed: 总计 = the regions',
      files: {
        'q.xlsx': [
          {
            name: 'S',
            values: [
              ['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'],
              [1, '奎屯市工信局', 4, 3, 2],
              [2, '伊犁州工信局', 11, 6, 4],
              [null, '地州市小计', 15, 9, 6],
              [3, '国网新疆电力公司', 20, 10, 8],
              [null, '行业部门小计', 20, 10, 8],
              [null, '总  计', 35, 19, 14],
            ],
          },
        ],
      },
    },
    {
      name: 'a 小计 row in 序号 with the label merged over 地区或部门',
      files: {
        'q.xlsx': [
          {
            name: 'S',
            values: [
              ['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'],
              [1, '奎屯市工信局', 4, 3, 2],
              ['小 计', null, 4, 3, 2],
              ['合计', null, 4, 3, 2],
            ],
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a wrong total: fix is the sum',
      files: { 'q.xlsx': [quotaSheet(TWO, [15, 8, 6])] },
      errors: [{ cell: 'D7', message: '“发表小组数”总计为 8，但各地区之和为 9', fix: '9' }],
    },
    {
      name: 'a total cell left empty',
      files: { 'q.xlsx': [quotaSheet(TWO, [15, null, 6])] },
      errors: [{ cell: 'D7', message: '总计为空', fix: '9' }],
    },
    {
      name: 'a quota that is not a count cannot be summed: reported there, the total is not judged',
      files: { 'q.xlsx': [quotaSheet([['奎屯市工信局', '四', 3, 2], ['伊犁州工信局', 11, 6, 4]], [99, 9, 6])] },
      errors: [{ cell: 'C5', message: '应为非负整数，实际为“四”' }],
    },
    {
      name: 'with 小计 rows, a 总计 that is not the sum of the regions is still wrong',
      files: {
        'q.xlsx': [
          {
            name: 'S',
            values: [
              ['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'],
              [1, '奎屯市工信局', 4, 3, 2],
              [2, '伊犁州工信局', 11, 6, 4],
              [null, '地州市小计', 15, 9, 6],
              [null, '总计', 30, 9, 6],
            ],
          },
        ],
      },
      errors: [{ cell: 'C5', message: '总计为 30，但各地区之和为 15', fix: '15' }],
    },
    {
      name: '合计 in 序号 and every column wrong',
      files: {
        'q.xlsx': [
          {
            name: 'S',
            values: [
              ['序号', '地区或部门', '小组数', '发表小组数', '质量信得过班组数'],
              [1, '奎屯市工信局', 4, 3, 2],
              [2, '伊犁州工信局', 11, 6, 4],
              ['合计', null, 14, 10, 5],
            ],
          },
        ],
      },
      errors: [
        { cell: 'C4', fix: '15' },
        { cell: 'D4', fix: '9' },
        { cell: 'E4', fix: '6' },
      ],
    },
  ],
});
