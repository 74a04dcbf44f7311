/**
 * 名额: the tally of the workbook (SPEC §3 "Quotas and tallies", §6): nominations per region × quota class against
 * the quota table, per category × sub-category against the award's places, the quota.* findings (each a click
 * away from its cell), and 插入名额核对表 — the tally as a sheet of live COUNTIFS formulas over the register.
 *
 * The answer comes first: the regions over quota or not in the quota table and the quota findings, then the
 * regions with nominations; the regions with nothing nominated are folded (a quota table has dozens).
 *
 * The quota source: the chosen award (the pane's one award picker), or a `qc.quota` table found in the workbook
 * (the engine takes the first such table of the run). Automatic: the workbook's table when there is one, else
 * the award's. Choosing the award while the workbook holds a quota table leaves that table's sheet out of the
 * run, so the award's quotas apply.
 *
 * Engine and profiles load with this panel (a lazy chunk); ExcelJS only when the sheet is inserted.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, PlayRegular, TableAddRegular } from '@fluentui/react-icons';
import type { LocatedFinding } from '../core/check';
import { builtinProfiles } from '../core/profiles';
import type { CategoryTally } from '../core/tally';
import type { WorkbookHost } from './host-port';
import { strings, type Lang, type Strings } from './i18n';
import type { Operation } from './operation';
import type { AwardChoice } from './award';
import { where } from './findings';
import { quotaView, type RegionRow } from './quota-view';
import { tallyWorkbook, toTallyView, type QuotaChoice, type TallyView } from './tally-run';

export interface QuotaPanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
  award: AwardChoice;
}

export { tallyWorkbook, type QuotaChoice, type TallyState } from './tally-run';

/** A tally as the panel holds it: what it shows, and how to insert its 名额核对 sheet (built where it ran). */
interface Tallied {
  view: TallyView;
  insert(quotaSource: string): Promise<string>;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  field: { minWidth: 0, flexGrow: 1 },
  select: { minWidth: 0 },
  regions: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  region: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  regionName: { fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: '2px' },
  count: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1, fontWeight: tokens.fontWeightSemibold },
  unknown: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  fold: { overflowWrap: 'anywhere' },
  summary: { cursor: 'pointer', color: tokens.colorNeutralForeground2 },
});

/** One region: its name (and spellings), then each class's count / quota — a list, not a wide table. */
function RegionItem({ g, classes, s, styles }: { g: RegionRow; classes: { id: string; label: string }[]; s: Strings; styles: ReturnType<typeof useStyles> }): React.JSX.Element {
  const q = s.quota;
  return (
    <li className={styles.region} data-region={g.region}>
      <span>
        <span className={mergeClasses(styles.regionName, g.known === false && styles.unknown)}>{g.region}</span>
        {g.known === false && <Caption1 className={styles.unknown}>{` ${q.unknown}`}</Caption1>}
      </span>
      {g.variants.length > 0 && <Caption1 className={styles.muted}>{q.variants(g.variants.join(s.listSep))}</Caption1>}
      <span className={styles.counts}>
        {classes.map((k) => {
          const e = g.byClass.get(k.id);
          if (!e) return null;
          const over = e.over > 0;
          return (
            <Caption1 key={k.id} className={mergeClasses(styles.count, over && styles.over)} data-over={over ? 'true' : undefined} data-class={k.id}>
              {`${k.label} ${e.count} / ${e.quota ?? '—'}`}
              {over && ` (${q.over(e.over)})`}
            </Caption1>
          );
        })}
      </span>
    </li>
  );
}

export function QuotaPanel({ host, lang, op, award }: QuotaPanelProps): React.JSX.Element {
  const s = strings(lang);
  const q = s.quota;
  const styles = useStyles();
  const busy = op.busy !== null;
  const [choice, setChoice] = React.useState<QuotaChoice>('auto');
  const [state, setState] = React.useState<Tallied | null>(null);
  const [inserted, setInserted] = React.useState<string | null>(null);

  const tally = async () => {
    setInserted(null);
    const r = await op.run('read', async (c): Promise<Tallied> => {
      const file = (await host.workbookName()) || s.untitledWorkbook;
      let profile = await award.resolve();
      if (host.tally) {
        // Read and tallied where the workbook is held (the browser version's worker): the page gets the view only.
        const run = host.tally.bind(host);
        let done = await run({ file, lang, profile: { id: profile.id }, choice }, c.onProgress);
        const fit = award.fitFor(done.kinds, builtinProfiles);
        if (fit) {
          profile = fit;
          done = await run({ file, lang, profile: { id: fit.id }, choice }, c.onProgress);
          award.suggest(fit.id);
        }
        const { tallyId, ...view } = done;
        const insertSheet = host.insertTallySheet?.bind(host);
        return { view, insert: async (src) => (insertSheet ? insertSheet(tallyId, src) : Promise.reject(new Error('insertTallySheet'))) };
      }
      const grid = await host.readWorkbook('all', c.onProgress);
      await c.step('tally');
      let result = tallyWorkbook(grid, file, choice, lang, profile);
      // No award chosen yet and a register that needs one with quotas: tally with that award (as 检查 does).
      const fit = award.fitFor(result.run.results[0]?.tables.map((t) => t.kind) ?? [], builtinProfiles);
      if (fit) {
        profile = fit;
        result = tallyWorkbook(grid, file, choice, lang, profile);
        award.suggest(fit.id);
      }
      const local = result;
      return {
        view: toTallyView(local),
        insert: async (src) => {
          const { tallySheetPayload } = await import(/* webpackChunkName: "tally-sheet" */ './tally-sheet-payload');
          return host.insertSheet!(tallySheetPayload(local.run, local.profile, src));
        },
      };
    });
    if (r) setState(r);
  };

  const select = (sheet: string, cell: string) => host.selectCell(sheet, cell).catch((e: unknown) => op.fail(e));

  const insert = async () => {
    if (!state || !host.insertSheet) return;
    const current = state.view;
    const name = await op.run('insertSheet', async () => {
      const src = current.source.kind === 'table' ? q.sourceTable(current.source.where) : current.source.kind === 'profile' ? current.source.name : '';
      return state.insert(src);
    });
    if (name) setInserted(name);
  };

  const view = React.useMemo(() => (state ? quotaView(state.view.tally.byRegion, state.view.tally.byCategory) : null), [state]);
  const findings: LocatedFinding[] = React.useMemo(() => state?.view.quotaFindings ?? [], [state]);
  const hasRegister = !!state?.view.hasRegister;
  const regionCount = view ? view.problems.length + view.counted.length + view.empty.length : 0;
  const nothing = state && view && regionCount === 0 && view.categories.length === 0;
  const canInsert = !!host.insertSheet && host.capabilities().insertWorksheets;
  const sideText = (e: CategoryTally) => q.side[e.side];
  const awardName = award.profile?.name ?? '';

  return (
    <>
      <Text>{q.intro}</Text>
      <div className={styles.row}>
        <Field label={q.sourceLabel} className={styles.field}>
          <Select className={styles.select} value={choice} onChange={(_, d) => setChoice(d.value as QuotaChoice)} disabled={busy} data-testid="quota-choice">
            <option value="auto">{state?.view.tableAt ? q.sourceTable(state.view.tableAt) : q.sourceAuto}</option>
            <option value="award">{q.sourceProfile(awardName)}</option>
          </Select>
        </Field>
        <Button appearance={state ? 'secondary' : 'primary'} icon={state ? <ArrowSyncRegular /> : <PlayRegular />} onClick={() => tally()} disabled={busy}>
          {state ? q.rerun : q.run}
        </Button>
      </div>
      {!state && <Caption1 className={styles.muted}>{q.needsRun}</Caption1>}
      {nothing && <Text>{q.noTally}</Text>}

      {state && view && !nothing && (
        <>
          <Caption1 className={styles.muted} data-testid="quota-source">
            {state.view.source.kind === 'table' ? q.sourceTable(state.view.source.where) : state.view.source.kind === 'profile' ? q.sourceProfile(state.view.source.name) : ''}
          </Caption1>
          <Text data-testid="quota-summary">{q.summary(view.overCount, view.unknownCount)}</Text>

          {regionCount > 0 && (
            <>
              <Subtitle2 as="h2" className={styles.heading}>
                {q.problemsHeading(view.problems.length)}
              </Subtitle2>
              {view.problems.length === 0 ? (
                <Text>{q.noProblems}</Text>
              ) : (
                <ul className={styles.regions} aria-label={q.problemsHeading(view.problems.length)} data-testid="quota-problems">
                  {view.problems.map((g) => (
                    <RegionItem key={`${g.known}\u0000${g.region}`} g={g} classes={view.classes} s={s} styles={styles} />
                  ))}
                </ul>
              )}
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

          <div className={styles.row}>
            <Button appearance="primary" icon={<TableAddRegular />} onClick={insert} disabled={busy || !canInsert || !hasRegister}>
              {q.insertSheet}
            </Button>
          </div>
          {!canInsert && <Caption1 className={styles.muted}>{q.insertUnsupported}</Caption1>}
          {inserted && (
            <MessageBar intent="success" layout="multiline" data-testid="quota-inserted">
              <MessageBarBody>{q.inserted(inserted)}</MessageBarBody>
            </MessageBar>
          )}

          {view.counted.length + view.empty.length > 0 && (
            <>
              <Subtitle2 as="h2" className={styles.heading}>
                {q.regionHeading(view.counted.length + view.empty.length)}
              </Subtitle2>
              {view.counted.length > 0 && (
                <ul className={styles.regions} aria-label={q.regionHeading(view.counted.length)} data-testid="quota-counted">
                  {view.counted.map((g) => (
                    <RegionItem key={`${g.known}\u0000${g.region}`} g={g} classes={view.classes} s={s} styles={styles} />
                  ))}
                </ul>
              )}
              {view.empty.length > 0 && (
                <details className={styles.fold} data-testid="quota-empty">
                  <summary className={styles.summary}>{q.emptyRegions(view.empty.length)}</summary>
                  <Caption1 className={styles.muted}>{q.emptyRegionsList(view.empty.map((g) => g.region).join(s.listSep))}</Caption1>
                </details>
              )}
            </>
          )}

          {view.categories.length > 0 && (
            <>
              <Subtitle2 as="h2" className={styles.heading}>
                {q.categoryHeading(view.categories.length)}
              </Subtitle2>
              <ul className={styles.regions} aria-label={q.categoryHeading(view.categories.length)} data-testid="quota-categories">
                {view.categories.map((e) => {
                  const over = e.over > 0;
                  return (
                    <li key={`${e.category}\u0000${e.subcategory ?? ''}\u0000${e.side}`} className={styles.region}>
                      <span>{`${e.category}${e.subcategory ? ` / ${e.subcategory}` : ''}（${sideText(e)}）`}</span>
                      <Caption1 className={mergeClasses(styles.count, over && styles.over)} data-over={over ? 'true' : undefined}>
                        {`${q.colCount}/${q.colPlaces} ${e.count} / ${e.places ?? '—'}`}
                        {over && ` (${q.over(e.over)})`}
                      </Caption1>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}
