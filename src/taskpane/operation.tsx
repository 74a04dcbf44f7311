/**
 * One host operation at a time (an Office.js batch must not interleave with another), with its progress and a
 * plain-language error. The panels call `run`; App shows the status line under the tabs.
 */
import * as React from 'react';
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Button,
  ProgressBar,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { OnProgress, Progress, StepKey } from './host-port';
import { describeError, type ShownError } from './errors';
import { strings, type Lang } from './i18n';

export type OpKind = StepKey;

export interface OpState {
  kind: OpKind;
  progress?: Progress;
}

export interface OpControls {
  onProgress: OnProgress;
  /** Switch the label to the next step (e.g. from reading to checking). */
  step(kind: OpKind): Promise<void>;
}

export interface Operation {
  busy: OpState | null;
  error: ShownError | null;
  clearError(): void;
  /** Show an error from a call made outside `run` (e.g. selecting a cell). */
  fail(e: unknown): void;
  /** Runs `fn` unless another operation is running; resolves to undefined when it failed or did not run. */
  run<T>(kind: OpKind, fn: (c: OpControls) => Promise<T>): Promise<T | undefined>;
}

/** Let the browser paint the new progress label before synchronous work (the engine runs on the UI thread). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useOperation(lang: Lang): Operation {
  const [busy, setBusy] = React.useState<OpState | null>(null);
  const [error, setError] = React.useState<ShownError | null>(null);
  const running = React.useRef(false);

  const run = React.useCallback(
    async <T,>(kind: OpKind, fn: (c: OpControls) => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setError(null);
      let current = kind;
      setBusy({ kind });
      const controls: OpControls = {
        onProgress: (progress) => setBusy({ kind: current, progress }),
        step: async (next) => {
          current = next;
          setBusy({ kind: next });
          await nextPaint();
        },
      };
      try {
        return await fn(controls);
      } catch (e) {
        setError(describeError(e, lang));
        return undefined;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [lang],
  );
  const clearError = React.useCallback(() => setError(null), []);
  const fail = React.useCallback((e: unknown) => setError(describeError(e, lang)), [lang]);
  return React.useMemo(() => ({ busy, error, clearError, fail, run }), [busy, error, clearError, fail, run]);
}

const useStyles = makeStyles({
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  detail: {
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    wordBreak: 'break-word',
  },
});

/** Progress bar while an operation runs; the error message bar after one failed. */
export function OperationStatus({ op, lang }: { op: Operation; lang: Lang }): React.JSX.Element | null {
  const s = strings(lang);
  const styles = useStyles();
  if (op.busy) {
    const { kind, progress } = op.busy;
    const determinate = progress && progress.total > 0;
    const label = `${s.steps[progress?.step ?? kind]}…`;
    return (
      <div className={styles.progress}>
        <Caption1>
          {label}
          {determinate ? ` ${s.progressCount(progress.done, progress.total, progress.unit)}` : ''}
        </Caption1>
        <ProgressBar aria-label={label} value={determinate ? Math.min(1, progress.done / progress.total) : undefined} thickness="large" />
      </div>
    );
  }
  if (op.error) {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          {op.error.message}
          {op.error.detail ? (
            <details className={styles.detail}>
              <summary>
                <Caption1>{s.errorDetails}</Caption1>
              </summary>
              <Caption1>{op.error.detail}</Caption1>
            </details>
          ) : null}
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label={s.dismiss} icon={<DismissRegular />} onClick={op.clearError} />
          }
        />
      </MessageBar>
    );
  }
  return null;
}
