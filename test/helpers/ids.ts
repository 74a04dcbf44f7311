/**
 * Made-up identity numbers and credit codes for case tables, completed with the project's own check-character
 * functions. Never put a real person's ID number in a test.
 */
import { calcCheckDigit } from '../../src/core/identifiers/resident-id';
import { calcCheckDigit as usccCheckDigit } from '../../src/core/identifiers/uscc';

/** 17 digits + their check character. */
export const makeId = (first17: string): string => first17 + calcCheckDigit(first17);

/**
 * An ID for region, birth date (YYYYMMDD) and 3-digit sequence (odd = 男, even = 女).
 * Default: 伊宁市 (654002), born 1980-01-01, sequence 123 (a man).
 */
export const personId = (birth = '19800101', seq = '123', region = '654002'): string => makeId(region + birth + seq);

/** 17 characters of the GB 32100 alphabet + their check character. */
export const makeUscc = (first17: string): string => first17 + usccCheckDigit(first17);

/** Header of the collective table with the optional 统一社会信用代码 column (in C). */
export const COLLECTIVE_WITH_USCC = ['序号', '先进集体名称', '统一社会信用代码', '单位性质', '负责人姓名', '负责人职务', '联系人姓名', '联系人电话', '备注'];
