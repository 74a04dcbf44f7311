import {
  builtinProfiles,
  DEFAULT_PROFILE_ID,
  getProfile,
  loadProfileText,
  parseProfile,
  ProfileError,
} from '../src/core/profiles';
import iliJson from '../src/core/profiles/ili-2025-contribution.json';

function errorOf(fn: () => unknown): ProfileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProfileError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

const minimal = { id: 'x-2026', name: '测试奖', unitTypes: ['企业'] };

describe('built-in profiles', () => {
  it('the default is ili-2025-contribution and parses', () => {
    expect(DEFAULT_PROFILE_ID).toBe('ili-2025-contribution');
    const p = getProfile(DEFAULT_PROFILE_ID);
    expect(builtinProfiles).toContain(p);
    expect(p.unitTypes).toEqual(['机关', '参公', '事业', '企业', '社会团体', '村（居）民委员会', '其他社会组织']);
    expect(p.age).toEqual({ min: 16, max: 100 });
  });

  it('has the places of 附件4–8', () => {
    const p = getProfile(DEFAULT_PROFILE_ID);
    const places = Object.fromEntries(p.categories.map((c) => [c.name, c.places]));
    expect(places).toEqual({
      质量提升方面: { collective: 8 },
      产业项目建设方面: { collective: 12, individual: 50 },
      商务经济方面: { collective: 10, individual: 50 },
      营商环境建设方面: { collective: 10, individual: 50 },
      民生保障方面: { collective: 10, individual: 50 },
    });
    const commerce = p.categories.find((c) => c.name === '商务经济方面')!;
    expect(commerce.subcategories.map((s) => [s.name, s.places.collective, s.places.individual])).toEqual([
      ['外贸', 4, 17],
      ['内贸', 3, 16],
      ['招商引资', 3, 17],
    ]);
  });

  it('maps the synonyms named in the spec', () => {
    const s = getProfile(DEFAULT_PROFILE_ID).unitTypeSynonyms;
    expect(s['事业单位']).toBe('事业');
    expect(s['参照公务员法管理']).toBe('参公');
    expect(s['居委会']).toBe('村（居）民委员会');
    expect(s['村委会']).toBe('村（居）民委员会');
    expect(s['国有企业']).toBe('企业');
    expect(s['民营企业']).toBe('企业');
  });

  it('an unknown id names the available ones', () => {
    const e = errorOf(() => getProfile('nope'));
    expect(e.code).toBe('unknown-id');
    expect(e.message).toContain('ili-2025-contribution');
    expect(e.format('en')).toContain('Unknown profile "nope"');
  });
});

describe('parseProfile', () => {
  it('accepts a minimal profile and fills defaults', () => {
    const p = parseProfile(minimal, 'x.json');
    expect(p.categories).toEqual([]);
    expect(p.unitTypeSynonyms).toEqual({});
    expect(p.age).toEqual({ min: 16, max: 100 });
  });

  it('round-trips the built-in JSON', () => {
    expect(parseProfile(JSON.parse(JSON.stringify(iliJson)), 'copy.json')).toEqual(getProfile(DEFAULT_PROFILE_ID));
  });

  it('keeps unknown fields (passthrough) for later rules', () => {
    const p = parseProfile({ ...minimal, shareRules: [{ x: 1 }] }, 'x.json') as Record<string, unknown>;
    expect(p.shareRules).toEqual([{ x: 1 }]);
  });

  const invalid: { name: string; json: unknown; zh: string; en: string }[] = [
    {
      name: 'empty unit types',
      json: { ...minimal, unitTypes: [] },
      zh: '配置文件 x.json 有误：unitTypes：至少需要 1 项',
      en: 'Profile x.json is invalid: unitTypes: needs at least 1 item',
    },
    {
      name: 'missing name',
      json: { id: 'x-2026', unitTypes: ['企业'] },
      zh: '配置文件 x.json 有误：name：缺少此项（必填）',
      en: 'Profile x.json is invalid: name: required',
    },
    {
      name: 'bad id',
      json: { ...minimal, id: 'My Award' },
      zh: '配置文件 x.json 有误：id：只能由小写字母、数字、点和连字符组成',
      en: 'id: only lowercase letters, digits, dots and hyphens',
    },
    {
      name: 'places as text',
      json: { ...minimal, categories: [{ name: '质量提升方面', places: { collective: '8' } }] },
      zh: 'categories[0].places.collective：应为数字，实际为文本',
      en: 'categories[0].places.collective: expected number, got string',
    },
    {
      name: 'negative places',
      json: { ...minimal, categories: [{ name: '质量提升方面', places: { collective: -1 } }] },
      zh: 'categories[0].places.collective：不能小于 0',
      en: 'categories[0].places.collective: must be at least 0',
    },
    {
      name: 'fractional places',
      json: { ...minimal, categories: [{ name: 'A', places: { individual: 2.5 } }] },
      zh: 'categories[0].places.individual：应为整数，实际为小数',
      en: 'categories[0].places.individual: expected integer, got float',
    },
    {
      name: 'empty unit type',
      json: { ...minimal, unitTypes: ['企业', ''] },
      zh: 'unitTypes[1]：不能为空',
      en: 'unitTypes[1]: must not be empty',
    },
    {
      name: 'synonym pointing nowhere',
      json: { ...minimal, unitTypeSynonyms: { 国企: '国有' } },
      zh: 'unitTypeSynonyms.国企：“国有”不在 unitTypes 中',
      en: 'unitTypeSynonyms.国企: "国有" is not one of unitTypes',
    },
    {
      name: 'duplicate unit type (bracket widths count as the same)',
      json: { ...minimal, unitTypes: ['村（居）民委员会', '村(居)民委员会'] },
      zh: 'unitTypes[1]：“村(居)民委员会”重复',
      en: 'unitTypes[1]: "村(居)民委员会" is listed twice',
    },
    {
      name: 'sub-category places over the category',
      json: {
        ...minimal,
        categories: [{ name: '商务经济方面', places: { collective: 10 }, subcategories: [{ name: '外贸', places: { collective: 11 } }] }],
      },
      zh: 'categories[0].subcategories：各子类 places.collective 之和 11 超过类别名额 10',
      en: 'sub-category places.collective add up to 11',
    },
    {
      name: 'not an object',
      json: [1, 2],
      zh: '配置文件 x.json 有误：内容应为一个 JSON 对象 {…}',
      en: 'the content must be a JSON object',
    },
    {
      name: 'age limits reversed',
      json: { ...minimal, age: { min: 60, max: 18 } },
      zh: 'age：min（60）应小于 max（18）',
      en: 'age: min (60) must be less than max (18)',
    },
  ];
  test.each(invalid)('$name', ({ json, zh, en }) => {
    const e = errorOf(() => parseProfile(json, 'x.json'));
    expect(e).toBeInstanceOf(ProfileError);
    expect(e.code).toBe('invalid');
    expect(e.message).toContain(zh);
    expect(e.format('en')).toContain(en);
    expect(e.issues.length).toBeGreaterThan(0);
  });

  it('lists every problem, each with its path', () => {
    const e = errorOf(() => parseProfile({ id: 'x', name: '', unitTypes: [] }, 'y.json'));
    expect(e.message).toBe('配置文件 y.json 有误：name：不能为空；unitTypes：至少需要 1 项');
    expect(e.issues.map((i) => i.path)).toEqual(['name', 'unitTypes']);
  });
});

describe('loadProfileText', () => {
  it('loads JSON text (with a BOM)', () => {
    const p = loadProfileText('\ufeff' + JSON.stringify(minimal), 'x.json');
    expect(p.id).toBe('x-2026');
  });

  const syntax: { name: string; text: string; zh: string; en: string }[] = [
    {
      name: 'trailing comma',
      text: '{\n  "id": "x-2026",\n  "name": "测试奖",\n  "unitTypes": ["企业",]\n}',
      zh: '配置文件 x.json 有误：不是有效的 JSON：第 4 行第 21 列：最后一项后面不能有逗号',
      en: 'Profile x.json is invalid: not valid JSON: line 4, column 21: trailing comma after the last item',
    },
    {
      name: 'Chinese comma typed with the IME',
      text: '{"id": "x-2026"，"name": "测试奖"}',
      zh: '第 1 行第 16 列：这里是中文逗号“，”，应为英文逗号 ,',
      en: 'line 1, column 16: a Chinese comma',
    },
    {
      name: 'Chinese quotation marks',
      text: '{"id": “x-2026”}',
      zh: '第 1 行第 8 列：这里是中文引号“，应为英文双引号 "',
      en: 'a Chinese quotation mark',
    },
    {
      name: 'a comment',
      text: '{\n  // 2026 年\n  "id": "x"\n}',
      zh: '第 2 行第 3 列：JSON 中不能写注释',
      en: 'comments are not allowed in JSON',
    },
    {
      name: 'single quotes',
      text: "{'id': 'x'}",
      zh: '第 1 行第 2 列：这里用了单引号',
      en: 'single quotes',
    },
    {
      name: 'cut short',
      text: '{"id": "x", "unitTypes": ["企业"',
      zh: '内容不完整',
      en: 'unexpected end of text',
    },
    {
      name: 'missing comma',
      text: '{"id": "x"\n "name": "y"}',
      zh: '第 2 行第 2 列：这里的“"”不对，应为逗号 , 或 }',
      en: 'expected , or }',
    },
  ];
  test.each(syntax)('syntax error: $name', ({ text, zh, en }) => {
    const e = errorOf(() => loadProfileText(text, 'x.json'));
    expect(e.code).toBe('syntax');
    expect(e.message).toContain(zh);
    expect(e.format('en')).toContain(en);
  });

  it('an empty file says so', () => {
    expect(errorOf(() => loadProfileText('  \n', 'x.json')).message).toBe('配置文件 x.json 有误：文件是空的');
  });

  it('valid JSON with invalid content goes through the schema', () => {
    const e = errorOf(() => loadProfileText('{"id":"x","name":"a","unitTypes":[]}', 'x.json'));
    expect(e.code).toBe('invalid');
    expect(e.message).toContain('unitTypes：至少需要 1 项');
  });
});
