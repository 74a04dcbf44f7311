/**
 * formatMessage keeps the last message it formatted, for findings that repeat one mistake down a column: the
 * message must still follow its data whatever the order of calls.
 */
import { formatMessage, type Message } from '../../src/core/finding';

const A: Message = { zh: '单位性质“{value}”应写作“{canonical}”', en: 'Unit type "{value}" should be written "{canonical}"' };
const B: Message = { zh: '序号应为 {expected}', en: 'No. should be {expected}' };

describe('formatMessage', () => {
  it('fills placeholders from the data, call after call', () => {
    const calls: [Message, 'zh' | 'en', Record<string, string | number>, string][] = [
      [A, 'zh', { value: '事业单位', canonical: '事业' }, '单位性质“事业单位”应写作“事业”'],
      [A, 'zh', { value: '事业单位', canonical: '事业' }, '单位性质“事业单位”应写作“事业”'],
      [A, 'zh', { value: '国有企业', canonical: '企业' }, '单位性质“国有企业”应写作“企业”'],
      [A, 'zh', { value: '国有企业', canonical: '事业' }, '单位性质“国有企业”应写作“事业”'],
      [B, 'zh', { expected: 3 }, '序号应为 3'],
      [A, 'zh', { value: '国有企业', canonical: '事业' }, '单位性质“国有企业”应写作“事业”'],
      [A, 'en', { value: '国有企业', canonical: '事业' }, 'Unit type "国有企业" should be written "事业"'],
      [B, 'zh', { expected: 4 }, '序号应为 4'],
      [B, 'zh', { expected: '4' }, '序号应为 4'],
    ];
    for (const [tpl, lang, data, want] of calls) expect(formatMessage(tpl, lang, data)).toBe(want);
  });

  it('leaves a placeholder without data as written, and a message without data as its template', () => {
    expect(formatMessage(A, 'zh', { value: '事业单位' })).toBe('单位性质“事业单位”应写作“{canonical}”');
    expect(formatMessage(A, 'zh', { value: '事业单位', canonical: '事业' })).toBe('单位性质“事业单位”应写作“事业”');
    expect(formatMessage(B, 'en')).toBe('No. should be {expected}');
  });
});
