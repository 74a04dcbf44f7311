/**
 * 检查: read the active sheet or the workbook through the host, run the engine, list the findings grouped by
 * severity then rule, each a click away from its cell; mark them in the sheet or clear the marks.
 *
 * This file holds what the pane needs before the first check; the results view (FindingsView: counts, filter,
 * grouped list) is a separate chunk, prefetched after start-up, so the first download stays small.
 */
import * as React from 'react';
import { Button, Caption1, Label, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { EraserRegular, HighlightRegular, PlayRegular } from '@fluentui/react-icons';
import type { LocatedFinding } from '../core/check';
import type { Scope, WorkbookHost } from './host-port';
import { strings, type Lang } from './i18n';
import type { Operation, OpControls } from './operation';
import type { CheckState } from './types';
import type { AwardChoice } from './award';
import { filterFindings, findingKey, type FindingFilter } from './findings';

const FindingsView = React.lazy(() =>
  import(/* webpackChunkName: "findings-view", webpackPrefetch: true */ './FindingsView').then((m) => ({ default: m.FindingsView })),
);

export interface CheckPanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
  scope: Scope;
  onScope(scope: Scope): void;
  check: CheckState | null;
  readAndCheck(c: OpControls, scope?: Scope): Promise<CheckState>;
  award: AwardChoice;
}

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CheckPanel({ host, lang, op, scope, onScope, check, readAndCheck, award }: CheckPanelProps): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  const [filter, setFilter] = React.useState<FindingFilter>({ text: '', severity: 'all' });
  const [notice, setNotice] = React.useState<string | null>(null);
  const [active, setActive] = React.useState<string | null>(null);
  const busy = op.busy !== null;
  const scopeId = React.useId();

  const findings = check?.result.findings;
  const shown = React.useMemo(() => (findings ? filterFindings(findings, filter) : []), [findings, filter]);

  const runCheck = async () => {
    setNotice(null);
    setActive(null);
    await op.run('read', (c) => readAndCheck(c, scope));
  };
  const mark = async () => {
    setNotice(null);
    const r = await op.run('mark', (c) => host.mark(shown, c.onProgress));
    if (r) setNotice(s.marked(r.marked));
  };
  const clear = async () => {
    setNotice(null);
    const r = await op.run('clear', (c) => host.clearMarks(c.onProgress));
    if (r) setNotice(s.cleared(r.cleared));
  };
  const select = React.useCallback(
    (f: LocatedFinding) => {
      setActive(findingKey(f));
      host.selectCell(f.sheet, f.cell).catch((e: unknown) => op.fail(e));
    },
    [host, op],
  );

  return (
    <>
      <div>
        <Label id={scopeId}>{s.scopeLabel}</Label>
        <RadioGroup layout="horizontal" aria-labelledby={scopeId} value={scope} onChange={(_, d) => onScope(d.value as Scope)} disabled={busy}>
          <Radio value="active" label={s.scopeActive} />
          <Radio value="all" label={s.scopeAll} />
        </RadioGroup>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" icon={<PlayRegular />} onClick={runCheck} disabled={busy}>
          {check ? s.rerunCheck : s.runCheck}
        </Button>
        {/* title, not Fluent's Tooltip: its positioning engine would cost ~12 KB gzipped in the first download. */}
        <Button icon={<HighlightRegular />} onClick={mark} disabled={busy || shown.length === 0} title={s.markHint(shown.length)}>
          {s.mark}
        </Button>
        <Button icon={<EraserRegular />} onClick={clear} disabled={busy} title={s.clearMarksHint}>
          {s.clearMarks}
        </Button>
      </div>
      {check && host.capabilities().mergedCells === false && <Caption1 className={styles.muted}>{s.mergedNotRead}</Caption1>}
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {check && (
        <React.Suspense fallback={<Caption1 className={styles.muted}>{s.loadingPanel}</Caption1>}>
          <FindingsView
            check={check}
            awardName={award.profiles?.find((p) => p.id === check.profileId)?.name ?? check.profileId}
            lang={lang}
            filter={filter}
            onFilter={setFilter}
            shown={shown}
            active={active}
            onSelect={select}
          />
        </React.Suspense>
      )}
    </>
  );
}
