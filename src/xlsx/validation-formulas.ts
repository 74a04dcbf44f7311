/**
 * Native Excel data-validation formulas shared by the .xlsx templates (template.ts, ExcelJS) and the Office.js
 * host (src/excel/), so a sheet keeps checking itself in plain Excel or WPS without the add-in.
 * Pure strings, no imports. Formulas are returned WITHOUT the leading `=`: ExcelJS writes them as is into
 * `<formula1>`; Office.js `dataValidation.rule = { custom: { formula: '=' + f } }` needs the `=` added.
 *
 * Constraints every formula here respects (Excel refuses or "repairs" away validations that break them):
 * - at most 255 characters: Excel's limit for a data-validation formula;
 * - no array constants (`{7,9,10}`), unions or intersections: not allowed in validation criteria;
 * - no range reference that row insertion would shift (`ROW($1:$17)`): a row inserted above would silently
 *   change the weights, so positions 1…17 come from `ROW(INDIRECT("1:17"))`, which nothing can shift;
 * - functions of Excel 2003 and WPS only (no DECIMAL, no IFS, no dynamic arrays).
 */

/** Excel's maximum length of a data-validation formula. */
export const DV_FORMULA_MAX = 255;

/**
 * Custom validation of an 18-character resident ID (GB 11643-1999) in `cellRef` (a relative reference to the
 * top-left cell of the validated range, e.g. `J19`), not already typed above it in the range.
 *
 * TRUE when: length is 18, the first 17 characters are digits, and the 18th is the ISO 7064 MOD 11-2 check
 * character `10X98765432`[Σ dᵢ·wᵢ mod 11] with wᵢ = 2^(18−i) mod 11 (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2).
 * The weighted sum is `SUMPRODUCT(MID(id, k, 1) * MOD(2^(18−k), 11))` over k = 1…17: SUMPRODUCT evaluates its
 * arguments as arrays in every Excel version, also inside a validation rule.
 *
 * - A lowercase `x` is accepted (`UPPER`): the engine accepts it too after normalisation (rule `id.normalized`,
 *   info) and 填充 writes the uppercase form.
 * - `ISNUMBER(-LEFT(id,17))` rejects letters early; characters that `-` would still accept (`+`, `.`, `,`)
 *   make `MID(…)*w` an error, which a validation treats as "invalid".
 * - 15-digit first-generation numbers are rejected: new entries must be the 18-digit form.
 * - An ID already typed in a cell above (from the range's first cell down) is rejected: see idUniqueTerm.
 * - Blank cells are left to the validation's `allowBlank`.
 */
export function idValidationFormula(cellRef: string): string {
  const c = cellRef;
  const positions = 'ROW(INDIRECT("1:17"))';
  const sum = `SUMPRODUCT(MID(${c},${positions},1)*MOD(2^(18-${positions}),11))`;
  // 255 characters even at XFD1048576: one minus sign, RIGHT's default length, the uniqueness inside the AND.
  return `IF(AND(LEN(${c})=18,ISNUMBER(-LEFT(${c},17)),${idUniqueTerm(c)}),MID("10X98765432",MOD(${sum},11)+1,1)=UPPER(RIGHT(${c})))`;
}

/**
 * "Not already typed above" (SPEC §6 Templates, issue 12): the number of cells from the first cell of the validated
 * range down to this one that equal it is 1. `cellRef` is the range's top-left cell; `J19` gives `J$19:J19`, which
 * the validation shifts to `J$19:J20`, `J$19:J21` … for the cells below. A text comparison (`=`), not COUNTIF:
 * COUNTIF reads an 18-digit text as a number and would match two IDs that share their first 15 digits.
 * Case-insensitive like Excel's `=`, so `…x` equals `…X`.
 */
export function idUniqueTerm(cellRef: string): string {
  const m = /^(\$?[A-Z]+)\$?(\d+)$/.exec(cellRef);
  if (!m) throw new Error(`not a cell reference: ${cellRef}`);
  return `SUMPRODUCT(--(${m[1]}$${m[2]}:${cellRef}=${cellRef}))=1`;
}

/**
 * A list validation from literal values: `"机关,参公,事业"`. Null when the quoted list would exceed Excel's
 * 255-character limit or a value contains a comma or a double quote: use a range of cells instead.
 */
export function literalListFormula(values: readonly string[]): string | null {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return null;
  const f = `"${values.join(',')}"`;
  return f.length <= DV_FORMULA_MAX ? f : null;
}
