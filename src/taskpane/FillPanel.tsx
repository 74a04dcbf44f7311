/**
 * 填充: the engine's fill plan for the latest check (SPEC §6). The changes are listed first and written only after
 * the confirmation dialog; conflicts (a user's value that disagrees with a derived one) are listed, never applied.
 * The host skips any cell edited since the plan was made, and the panel reports those.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  Text,
  Link,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, CheckmarkRegular, PlayRegular } from '@fluentui/react-icons';
import type { CellChange, FillPlan } from '../core/fill';
import type { PlanApplyResult, Scope, WorkbookHost } from './host-port';
import { strings, type Lang } from './i18n';
import type { Operation, OpControls } from './operation';
import type { CheckState } from './types';
import { where } from './findings';
import { conflictGroups, isRateMismatch, sortInserts } from './fill-view';

export interface FillPanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
  check: CheckState | null;
  readAndCheck(c: OpControls, scope?: Scope): Promise<CheckState>;
}

const FIRST_PAGE = 100;
/** Change rows mounted per task: a long list grows to its page in slices, so no commit holds the page for long. */
const ROWS_PER_TASK = 25;

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  table: { tableLayout: 'auto', width: '100%' },
  // One column beside the checkbox: the cell, the change, the reason — the width of a 320 px pane goes to the values.
  changeCell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  cellLink: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  change: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, alignItems: 'baseline', minWidth: 0 },
  // An ID, a phone or a formula is one token: it moves to the next line whole, never broken mid-number; only a
  // token wider than the column (a long formula) may break.
  value: { overflowWrap: 'anywhere', wordBreak: 'keep-all', fontVariantNumeric: 'tabular-nums' },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through', fontSize: tokens.fontSizeBase200 },
  after: { fontWeight: tokens.fontWeightSemibold },
  reason: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function changeKey(c: { sheet: string; cell: string }): string {
  return `${c.sheet}!${c.cell}`;
}

export function FillPanel({ host, lang, op, check, readAndCheck }: FillPanelProps): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  const busy = op.busy !== null;
  // A host without applyPlan cannot insert rows: a statistics plan that needs inserts is then left out.
  const canInsert = typeof host.applyPlan === 'function';
  // Typed rates that disagree with their inputs are replaced by formulas only after their own confirmation (the
  // CLI's --replace-rates); the replacements then join the list, which is confirmed again before writing.
  const [replaceRates, setReplaceRates] = React.useState(false);
  const [confirmingRates, setConfirmingRates] = React.useState(false);
  // 附件3 fixes and the statistics plan (input rows inserted under the rates, live rate formulas) as one list.
  // Built where the check ran (the engine in the pane, or the browser version's worker next to the workbook).
  const [plan, setPlan] = React.useState<FillPlan | null>(null);
  const fail = op.fail;
  React.useEffect(() => {
    setPlan(null);
    if (!check) return;
    let live = true;
    check.plan({ lang, replaceMismatched: replaceRates, canInsert }).then(
      // A transition: a long list of changes renders in slices, the pane stays responsive.
      (p) => live && React.startTransition(() => setPlan(p)),
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [check, lang, canInsert, replaceRates, fail]);
  // Listed top-down, as the rows are in the sheet (the host inserts bottom-up so addresses hold).
  const inserts = React.useMemo(() => sortInserts(plan?.inserts ?? []), [plan]);
  const mismatchedRates = React.useMemo(() => (plan ? plan.conflicts.filter(isRateMismatch).length : 0), [plan]);
  const conflicts = React.useMemo(() => conflictGroups(plan?.conflicts ?? []), [plan]);
  const [excluded, setExcluded] = React.useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = React.useState(false);
  const [report, setReport] = React.useState<(Partial<PlanApplyResult> & Pick<PlanApplyResult, 'written' | 'skipped'>) | null>(null);
  const [limit, setLimit] = React.useState(FIRST_PAGE);
  const [grow, setGrow] = React.useState<{ plan: FillPlan | null; rows: number }>({ plan: null, rows: ROWS_PER_TASK });
  const mounted = grow.plan === plan ? grow.rows : ROWS_PER_TASK;
  const listed = Math.min(limit, mounted);
  const growing = !!plan && listed < Math.min(limit, plan.changes.length);
  React.useEffect(() => {
    if (!growing) return;
    const t = setTimeout(() => setGrow({ plan, rows: mounted + ROWS_PER_TASK }), 0);
    return () => clearTimeout(t);
  }, [growing, plan, mounted]);

  React.useEffect(() => {
    setExcluded(new Set());
    setLimit(FIRST_PAGE);
  }, [plan]);

  const chosen = React.useMemo(
    () => (plan ? plan.changes.filter((c) => !excluded.has(changeKey(c))) : []),
    [plan, excluded],
  );
  const sheets = React.useMemo(() => [...new Set(chosen.map((c) => c.sheet))], [chosen]);
  // In a narrow pane the sheet name is shown only when the plan spans several sheets.
  const oneSheet = React.useMemo(() => new Set(plan?.changes.map((c) => c.sheet)).size <= 1, [plan]);

  const compute = async () => {
    setReport(null);
    setReplaceRates(false);
    await op.run('read', (c) => readAndCheck(c, check?.scope));
  };

  const apply = async () => {
    setConfirming(false);
    setReport(null);
    const toWrite = chosen;
    const r = await op.run('apply', (c) =>
      inserts.length > 0 && host.applyPlan ? host.applyPlan({ changes: toWrite, inserts }, c.onProgress) : host.applyChanges(toWrite, c.onProgress),
    );
    if (!r) return;
    setReport(r);
    // The sheet changed: read it again so the list (and the check panel) show what is left.
    await op.run('read', (c) => readAndCheck(c, check?.scope));
  };

  const toggle = (c: CellChange) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      const k = changeKey(c);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  const allChecked = plan ? (excluded.size === 0 ? true : chosen.length === 0 ? false : 'mixed') : false;
  const toggleAll = () => setExcluded(allChecked === true ? new Set(plan?.changes.map(changeKey)) : new Set());

  const select = (sheet: string, cell: string) => host.selectCell(sheet, cell).catch((e: unknown) => op.fail(e));
  const show = (v: string | number) => (v === '' ? s.empty : String(v));

  return (
    <>
      <Text>{s.fillIntro}</Text>
      <div className={styles.row}>
        <Button appearance={plan ? 'secondary' : 'primary'} icon={plan ? <ArrowSyncRegular /> : <PlayRegular />} onClick={compute} disabled={busy}>
          {plan ? s.recomputeFill : s.computeFill}
        </Button>
        {plan && plan.changes.length > 0 && (
          <Button appearance="primary" icon={<CheckmarkRegular />} onClick={() => setConfirming(true)} disabled={busy || chosen.length === 0}>
            {s.apply(chosen.length)}
          </Button>
        )}
      </div>
      {!plan && <Caption1 className={styles.muted}>{s.fillNeedsCheck}</Caption1>}

      {report && (
        <MessageBar intent={report.skipped.length ? 'warning' : 'success'} layout="multiline" data-testid="apply-report">
          <MessageBarBody>
            <div>
              {s.applied(report.written)}
              {report.insertedRows ? ` ${s.appliedRows(report.insertedRows)}` : ''}
            </div>
            {report.skipped.length > 0 && (
              <>
                <div>{s.skippedHeading(report.skipped.length)}</div>
                <ul className={styles.list}>
                  {report.skipped.map((c) => (
                    <li key={changeKey(c)}>{s.skippedLine(where(c.sheet, c.cell), c.before)}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {plan && (
        <>
          <Subtitle2 as="h2" className={styles.heading}>
            {s.changesHeading(plan.changes.length)}
          </Subtitle2>
          {plan.changes.length === 0 ? (
            <Text>{s.noChanges}</Text>
          ) : (
            <>
              <Table size="extra-small" className={styles.table} aria-label={s.changesHeading(plan.changes.length)}>
                <TableHeader>
                  <TableRow>
                    <TableSelectionCell
                      checked={allChecked}
                      onClick={toggleAll}
                      checkboxIndicator={{ 'aria-label': s.selectAll }}
                    />
                    <TableHeaderCell>{`${s.colCell} · ${s.colChange}`}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {plan.changes.slice(0, listed).map((c) => {
                    const at = where(c.sheet, c.cell);
                    const on = !excluded.has(changeKey(c));
                    return (
                      <TableRow key={changeKey(c)} data-change-cell={c.cell} aria-selected={on}>
                        <TableSelectionCell
                          checked={on}
                          onClick={() => toggle(c)}
                          checkboxIndicator={{ 'aria-label': s.selectChange(at) }}
                        />
                        <TableCell className={styles.changeCell}>
                          <span className={styles.change}>
                            <Link as="button" className={styles.cellLink} onClick={() => select(c.sheet, c.cell)} title={s.goToCell(at)}>
                              {oneSheet ? c.cell : at}
                            </Link>{' '}
                            <span className={mergeClasses(styles.value, styles.before)} data-testid="change-before">
                              {show(c.before)}
                            </span>{' '}
                            <span aria-hidden="true">→</span>{' '}
                            <span className={mergeClasses(styles.value, styles.after)} data-testid="change-after">
                              {show(c.formula ?? c.after)}
                            </span>
                          </span>
                          <Caption1 className={styles.reason}>{c.message}</Caption1>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              {plan.changes.length > limit && (
                <Button appearance="subtle" size="small" onClick={() => setLimit((n) => n + FIRST_PAGE * 5)}>
                  {s.showMore(Math.min(plan.changes.length - limit, FIRST_PAGE * 5))}
                </Button>
              )}
            </>
          )}

          {inserts.length > 0 && (
            <MessageBar intent={canInsert ? 'info' : 'warning'} layout="multiline" data-testid="fill-inserts">
              <MessageBarBody>
                <MessageBarTitle>{s.insertsHeading(inserts.length)}</MessageBarTitle>
                {!canInsert && <div>{s.insertsUnsupported}</div>}
                <ul className={styles.list}>
                  {inserts.map((ins) => (
                    <li key={`${ins.sheet}!${ins.beforeRow}`}>
                      <Link as="button" onClick={() => select(ins.sheet, `A${ins.beforeRow + 1}`)}>
                        {s.insertLine(where(ins.sheet, `A${ins.beforeRow + 1}`), ins.count)}
                      </Link>
                      {s.colon}
                      {ins.message}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}

          {plan.conflicts.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="fill-conflicts">
              <MessageBarBody>
                <MessageBarTitle>{s.conflictsHeading(plan.conflicts.length)}</MessageBarTitle>
                {conflicts.map((g) => (
                  <div key={g.kind} data-conflict-kind={g.kind}>
                    <div>{g.kind === 'rate' ? s.conflictsNoteRates : g.kind === 'gender' ? s.conflictsNoteGender : s.conflictsNoteOther}</div>
                    <ul className={styles.list}>
                      {g.conflicts.map((c) => (
                        <li key={changeKey(c)}>
                          <Link as="button" onClick={() => select(c.sheet, c.cell)}>
                            {where(c.sheet, c.cell)}
                          </Link>
                          {s.colon}
                          {c.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </MessageBarBody>
              {mismatchedRates > 0 && (
                <MessageBarActions>
                  <Button size="small" onClick={() => setConfirmingRates(true)} disabled={busy} data-testid="replace-rates">
                    {s.replaceRates(mismatchedRates)}
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          {replaceRates && (
            <MessageBar intent="info" layout="multiline" data-testid="replace-rates-on">
              <MessageBarBody>{s.replaceRatesOn}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setReplaceRates(false)} disabled={busy}>
                  {s.replaceRatesUndo}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </>
      )}

      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>{s.confirmBody(chosen.length, sheets, inserts.reduce((n, i) => n + i.count, 0))}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                {s.cancel}
              </Button>
              <Button appearance="primary" onClick={apply}>
                {s.confirmOk}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={confirmingRates} onOpenChange={(_, d) => setConfirmingRates(d.open)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.replaceRatesTitle}</DialogTitle>
            <DialogContent>{s.replaceRatesBody(mismatchedRates)}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmingRates(false)}>
                {s.cancel}
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmingRates(false);
                  setReplaceRates(true);
                }}
              >
                {s.replaceRatesOk}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
