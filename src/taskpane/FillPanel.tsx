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
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, CheckmarkRegular, PlayRegular } from '@fluentui/react-icons';
import { planFill, type CellChange, type FillPlan } from '../core/fill';
import { mergePlans, planStatsFill } from '../core/fill-stats';
import type { ApplyResult, WorkbookHost } from './host-port';
import { strings, type Lang } from './i18n';
import type { Operation, OpControls } from './operation';
import type { CheckState, Scope } from './App';
import { where } from './findings';

export interface FillPanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
  check: CheckState | null;
  readAndCheck(c: OpControls, scope?: Scope): Promise<CheckState>;
}

const FIRST_PAGE = 100;

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  table: { tableLayout: 'auto' },
  mono: { wordBreak: 'break-all' },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  after: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
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
  // 附件3 fixes and the statistics plan (input rows inserted under the rates, live rate formulas) as one list.
  const plan: FillPlan | null = React.useMemo(() => {
    if (!check) return null;
    const base = planFill(check.result, lang);
    const stats = planStatsFill(check.result, { lang });
    return canInsert || !stats.inserts?.length ? mergePlans(base, stats) : base;
  }, [check, lang, canInsert]);
  const inserts = plan?.inserts ?? [];
  const [excluded, setExcluded] = React.useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = React.useState(false);
  const [report, setReport] = React.useState<ApplyResult | null>(null);
  const [limit, setLimit] = React.useState(FIRST_PAGE);

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
            <div>{s.applied(report.written)}</div>
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
                    <TableHeaderCell>{s.colCell}</TableHeaderCell>
                    <TableHeaderCell>{s.colChange}</TableHeaderCell>
                    <TableHeaderCell>{s.colReason}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {plan.changes.slice(0, limit).map((c) => {
                    const at = where(c.sheet, c.cell);
                    const on = !excluded.has(changeKey(c));
                    return (
                      <TableRow key={changeKey(c)} data-change-cell={c.cell} aria-selected={on}>
                        <TableSelectionCell
                          checked={on}
                          onClick={() => toggle(c)}
                          checkboxIndicator={{ 'aria-label': s.selectChange(at) }}
                        />
                        <TableCell>
                          <Link as="button" onClick={() => select(c.sheet, c.cell)} title={s.goToCell(at)}>
                            {oneSheet ? c.cell : at}
                          </Link>
                        </TableCell>
                        <TableCell className={styles.mono}>
                          <span className={styles.before}>{show(c.before)}</span> → <span className={styles.after}>{show(c.after)}</span>
                        </TableCell>
                        <TableCell>
                          <Caption1>{c.message}</Caption1>
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
                <div>{s.conflictsNote}</div>
                <ul className={styles.list}>
                  {plan.conflicts.map((c) => (
                    <li key={changeKey(c)}>
                      <Link as="button" onClick={() => select(c.sheet, c.cell)}>
                        {where(c.sheet, c.cell)}
                      </Link>
                      {s.colon}
                      {c.message}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}

      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>{s.confirmBody(chosen.length, sheets)}</DialogContent>
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
    </>
  );
}
