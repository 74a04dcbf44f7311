/**
 * 名额: the tally of the workbook (SPEC §3 "Quotas and tallies", §6): nominations per region × quota class against
 * the quota table, per category × sub-category against the award's places, the quota.* findings (each a click
 * away from its cell), and 插入名额核对表 — the tally as a sheet of live COUNTIFS formulas over the register.
 *
 * The quota source: a built-in profile, or a `qc.quota` table found in the workbook (the engine takes the first
 * such table of the run). Automatic: the workbook's table when there is one, else xj-qc-2019 when the workbook has
 * a register, else the default profile. Choosing a profile while the workbook holds a quota table leaves that
 * table's sheet out of the run, so the profile's quotas apply.
 *
 * Engine and profiles load with this panel (a lazy chunk); ExcelJS only when the sheet is inserted.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, PlayRegular, TableAddRegular } from '@fluentui/react-icons';
import { checkWorkbooks, type LocatedFinding, type RunResult } from '../core/check';
import { builtinProfiles, DEFAULT_PROFILE_ID, getProfile, type Profile } from '../core/profiles';
import type { CategoryTally, RegionTally } from '../core/tally';
import type { WorkbookGrid } from '../core/grid';
import type { WorkbookHost } from './host-port';
import { strings, type Lang } from './i18n';
import type { Operation } from './operation';
import { where } from './findings';

export interface QuotaPanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
}

const AUTO = 'auto';
const TABLE = 'table';
const QC_PROFILE = 'xj-qc-2019';

export interface TallyState {
  run: RunResult;
  profile: Profile;
  /** What the quotas came from, for the sheet's note and the panel. */
  source: { kind: 'table'; where: string } | { kind: 'profile'; id: string; name: string } | { kind: 'none' };
  /** A qc.quota table exists in the workbook (where). */
  tableAt: string | null;
  file: string;
}

/** Tally the workbook with the chosen source (pure but for the engine: used by the panel and its tests). */
export function tallyWorkbook(grid: WorkbookGrid, file: string, choice: string, lang: Lang): TallyState {
  const profileOf = (id: string) => builtinProfiles.find((p) => p.id === id) ?? getProfile(DEFAULT_PROFILE_ID);
  const run = (g: WorkbookGrid, p: Profile) => checkWorkbooks([{ grid: g, file }], { profile: p, lang });
  // First run with xj-qc-2019 (a register profile) to see what the workbook holds.
  const wanted = choice === AUTO || choice === TABLE ? QC_PROFILE : choice;
  let profile = profileOf(wanted);
  let result = run(grid, profile);
  const located = result.results[0]?.located ?? [];
  const quotaTable = located.find((l) => l.table.kind === 'qc.quota');
  const tableAt = quotaTable ? where(quotaTable.sheet.name, `A${quotaTable.table.headerRow + 1}`) : null;
  const hasRegister = located.some((l) => l.table.kind === 'qc.register');
  if (choice === AUTO && !quotaTable && !hasRegister) {
    profile = profileOf(DEFAULT_PROFILE_ID);
    result = run(grid, profile);
  } else if (choice !== AUTO && choice !== TABLE && quotaTable) {
    // A profile chosen explicitly: the workbook's quota table (its sheet) is left out of the run.
    const without = { ...grid, sheets: grid.sheets.filter((s) => s.name !== quotaTable.sheet.name) };
    result = run(without, profile);
  }
  const q = result.tallyDetail.quota;
  const source: TallyState['source'] =
    q?.from === 'table' && tableAt ? { kind: 'table', where: tableAt } : profile.quota || result.tally.byCategory.length ? { kind: 'profile', id: profile.id, name: profile.name } : { kind: 'none' };
  return { run: result, profile, source, tableAt, file };
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  table: { tableLayout: 'auto' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  over: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1, fontWeight: tokens.fontWeightSemibold },
  unknown: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  dropdown: { minWidth: '220px' },
});

function groupRegions(list: readonly RegionTally[]): { region: string; known: boolean | null; variants: string[]; byClass: Map<string, RegionTally> }[] {
  const out: { region: string; known: boolean | null; variants: string[]; byClass: Map<string, RegionTally> }[] = [];
  const at = new Map<string, number>();
  for (const e of list) {
    const k = `${e.known === false ? 'x' : 'k'}\u0000${e.region}`;
    let i = at.get(k);
    if (i === undefined) {
      at.set(k, (i = out.length));
      out.push({ region: e.region, known: e.known, variants: [], byClass: new Map() });
    }
    const g = out[i];
    g.byClass.set(e.class, e);
    for (const v of e.variants) if (!g.variants.includes(v)) g.variants.push(v);
  }
  return out;
}

export function QuotaPanel({ host, lang, op }: QuotaPanelProps): React.JSX.Element {
  const s = strings(lang);
  const q = s.quota;
  const styles = useStyles();
  const busy = op.busy !== null;
  const [choice, setChoice] = React.useState<string>(AUTO);
  const [state, setState] = React.useState<TallyState | null>(null);
  const [inserted, setInserted] = React.useState<string | null>(null);

  const tally = async (which = choice) => {
    setInserted(null);
    const r = await op.run('read', async (c) => {
      const file = await host.workbookName();
      const grid = await host.readWorkbook('all', c.onProgress);
      await c.step('tally');
      return tallyWorkbook(grid, file, which, lang);
    });
    if (r) setState(r);
  };

  const select = (sheet: string, cell: string) => host.selectCell(sheet, cell).catch((e: unknown) => op.fail(e));

  const insert = async () => {
    if (!state || !host.insertSheet) return;
    const current = state;
    const name = await op.run('insertSheet', async () => {
      const { tallySheetPayload } = await import(/* webpackChunkName: "tally-sheet" */ './tally-sheet-payload');
      const src = current.source.kind === 'table' ? q.sourceTable(current.source.where) : current.source.kind === 'profile' ? current.source.name : '';
      return host.insertSheet!(tallySheetPayload(current.run, current.profile, src));
    });
    if (name) setInserted(name);
  };

  const tallyData = state?.run.tally;
  // What needs attention first: over quota, then names not in the table (or variants), then counted, then the rest.
  const regions = React.useMemo(() => {
    const rank = (g: ReturnType<typeof groupRegions>[number]) => {
      const list = [...g.byClass.values()];
      if (list.some((e) => e.over > 0)) return 0;
      if (g.known === false || g.variants.length) return 1;
      return list.some((e) => e.count > 0) ? 2 : 3;
    };
    return tallyData ? groupRegions(tallyData.byRegion).map((g, i) => ({ g, i, r: rank(g) })).sort((x, y) => x.r - y.r || x.i - y.i).map((x) => x.g) : [];
  }, [tallyData]);
  const classes = React.useMemo(() => {
    const out: { id: string; label: string }[] = [];
    for (const e of tallyData?.byRegion ?? []) if (!out.some((k) => k.id === e.class)) out.push({ id: e.class, label: e.label });
    return out;
  }, [tallyData]);
  const categories = React.useMemo(() => (tallyData?.byCategory ?? []).filter((e) => e.count > 0 || e.over > 0), [tallyData]);
  const findings: LocatedFinding[] = React.useMemo(
    () => (state ? state.run.results.flatMap((r) => r.findings.filter((f) => f.rule.startsWith('quota.'))) : []),
    [state],
  );
  const overCount = (tallyData?.byRegion.filter((e) => e.over > 0).length ?? 0) + categories.filter((e) => e.over > 0).length;
  const unknownCount = regions.filter((g) => g.known === false || g.variants.length > 0).length;
  const hasRegister = !!state?.run.tallyDetail.tables.some((t) => t.table.kind === 'qc.register');
  const nothing = state && regions.length === 0 && categories.length === 0;

  const options: { value: string; text: string }[] = [
    { value: AUTO, text: lang === 'zh' ? '自动（工作簿中的名额表，否则按登记表选内置）' : 'Automatic (the workbook’s quota table, else a built-in)' },
    ...(state?.tableAt ? [{ value: TABLE, text: q.sourceTable(state.tableAt) }] : []),
    ...builtinProfiles.map((p) => ({ value: p.id, text: q.sourceProfile(`${p.name}（${p.id}）`) })),
  ];
  const chosenText = options.find((o) => o.value === choice)?.text ?? '';
  const sideText = (e: CategoryTally) => q.side[e.side];

  return (
    <>
      <Text>{q.intro}</Text>
      <div className={styles.row}>
        <Field label={q.sourceLabel}>
          <Dropdown
            className={styles.dropdown}
            value={chosenText}
            selectedOptions={[choice]}
            onOptionSelect={(_, d) => d.optionValue && setChoice(d.optionValue)}
            disabled={busy}
          >
            {options.map((o) => (
              <Option key={o.value} value={o.value}>
                {o.text}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance={state ? 'secondary' : 'primary'} icon={state ? <ArrowSyncRegular /> : <PlayRegular />} onClick={() => tally()} disabled={busy}>
          {state ? q.rerun : q.run}
        </Button>
      </div>
      {!state && <Caption1 className={styles.muted}>{q.needsRun}</Caption1>}
      {nothing && <Text>{q.noTally}</Text>}

      {state && !nothing && (
        <>
          <Caption1 className={styles.muted} data-testid="quota-source">
            {state.source.kind === 'table' ? q.sourceTable(state.source.where) : state.source.kind === 'profile' ? q.sourceProfile(state.source.name) : ''}
          </Caption1>
          <Text data-testid="quota-summary">{q.summary(overCount, unknownCount)}</Text>
          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              onClick={insert}
              disabled={busy || !host.insertSheet || !host.capabilities().insertWorksheets || !hasRegister}
            >
              {q.insertSheet}
            </Button>
          </div>
          {!host.capabilities().insertWorksheets && <Caption1 className={styles.muted}>{q.insertUnsupported}</Caption1>}
          {inserted && (
            <MessageBar intent="success" data-testid="quota-inserted">
              <MessageBarBody>{q.inserted(inserted)}</MessageBarBody>
            </MessageBar>
          )}

          {regions.length > 0 && (
            <>
              <Subtitle2 as="h2" className={styles.heading}>
                {q.regionHeading(regions.length)}
              </Subtitle2>
              <Table size="extra-small" className={styles.table} aria-label={q.regionHeading(regions.length)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{q.colRegion}</TableHeaderCell>
                    {classes.map((k) => (
                      <TableHeaderCell key={k.id}>{`${k.label} ${q.colCount}/${q.colQuota}`}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {regions.map((g) => (
                    <TableRow key={`${g.known}\u0000${g.region}`} data-region={g.region}>
                      <TableCell>
                        <span className={g.known === false ? styles.unknown : undefined}>{g.region}</span>
                        {g.known === false && <Caption1 className={styles.unknown}>{` ${q.unknown}`}</Caption1>}
                        {g.variants.length > 0 && <Caption1 className={styles.muted}>{` ${q.variants(g.variants.join('、'))}`}</Caption1>}
                      </TableCell>
                      {classes.map((k) => {
                        const e = g.byClass.get(k.id);
                        const over = !!e && e.over > 0;
                        return (
                          <TableCell key={k.id} className={mergeClasses(styles.num, over && styles.over)} data-over={over ? 'true' : undefined} data-class={k.id}>
                            {e ? `${e.count} / ${e.quota ?? '—'}` : ''}
                            {over && ` (${q.over(e!.over)})`}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}

          {findings.length > 0 && (
            <MessageBar intent="error" layout="multiline" data-testid="quota-findings">
              <MessageBarBody>
                <MessageBarTitle>{q.findingsHeading(findings.length)}</MessageBarTitle>
                <ul className={styles.list}>
                  {findings.map((f, i) => (
                    <li key={`${f.sheet}!${f.cell}!${f.rule}!${i}`} data-rule={f.rule}>
                      <Link as="button" onClick={() => select(f.sheet, f.cell)}>
                        {where(f.sheet, f.cell)}
                      </Link>
                      {s.colon}
                      {f.message}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}

          {categories.length > 0 && (
            <>
              <Subtitle2 as="h2" className={styles.heading}>
                {q.categoryHeading(categories.length)}
              </Subtitle2>
              <Table size="extra-small" className={styles.table} aria-label={q.categoryHeading(categories.length)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{q.colCategory}</TableHeaderCell>
                    <TableHeaderCell>{`${q.colCount}/${q.colPlaces}`}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {categories.map((e) => {
                    const over = e.over > 0;
                    return (
                      <TableRow key={`${e.category}\u0000${e.subcategory ?? ''}\u0000${e.side}`}>
                        <TableCell>{`${e.category}${e.subcategory ? ` / ${e.subcategory}` : ''}（${sideText(e)}）`}</TableCell>
                        <TableCell className={mergeClasses(styles.num, over && styles.over)} data-over={over ? 'true' : undefined}>
                          {`${e.count} / ${e.places ?? '—'}`}
                          {over && ` (${q.over(e.over)})`}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </>
          )}
        </>
      )}
    </>
  );
}
