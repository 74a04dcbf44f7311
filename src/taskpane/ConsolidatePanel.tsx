/**
 * 汇总: the secretariat's desk in the task pane (SPEC §6 Consolidate, 公示 export). Many county workbooks are picked
 * here, read and checked in the engine's Web Worker (never uploaded), and the master sheets, 核查结果 and 名额核对
 * written into the open workbook; unreadable files are listed with their reason, cross-file duplicates each a click
 * away from their master row. The 公示 button builds the public notice from the active sheet.
 * No rule logic here: consolidate-run.ts drives the worker and the host.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentMultipleRegular, DismissRegular, MergeRegular, ShieldKeyholeRegular } from '@fluentui/react-icons';
import type { EngineClient } from '../worker/client';
import type { WorkbookHost } from './host-port';
import { strings } from './i18n';
import type { Lang } from './types';
import type { Operation } from './operation';
import type { AwardChoice } from './award';
import { where } from './findings';
import { runConsolidation, runNotice, type ConsolidationDone, type NoticeDone, type PickedFile } from './consolidate-run';

export interface ConsolidatePanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
  /** The pane's one award picker: its profile's quotas, places and masking policy apply. */
  award: AwardChoice;
  /** The engine (a Web Worker in the page; the tests pass an in-process one). Started on first use. */
  engine?: () => EngineClient;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { wordBreak: 'break-word' },
  files: { maxHeight: '160px', overflowY: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hidden: { display: 'none' },
});

export function ConsolidatePanel({ host, lang, op, award, engine }: ConsolidatePanelProps): React.JSX.Element {
  const s = strings(lang);
  const t = s.consolidate;
  const styles = useStyles();
  const busy = op.busy !== null;
  const input = React.useRef<HTMLInputElement>(null);
  const client = React.useRef<EngineClient | null>(null);
  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const [result, setResult] = React.useState<ConsolidationDone | null>(null);
  const [drop, setDrop] = React.useState<{ id: boolean; phone: boolean }>({ id: false, phone: false });
  const [notice, setNotice] = React.useState<NoticeDone | null>(null);

  React.useEffect(() => () => client.current?.dispose(), []);
  const getEngine = async (): Promise<EngineClient> => {
    if (!client.current) client.current = engine ? engine() : (await import(/* webpackChunkName: "engine-client" */ '../worker/client')).startEngine();
    return client.current;
  };

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = e.target.files ? Array.from(e.target.files) : [];
    e.target.value = '';
    if (list.length === 0) return;
    // Picking again adds to the list; the same name twice is kept once (the later pick).
    setFiles((old) => [...old.filter((f) => !list.some((n) => n.name === f.name)), ...list]);
  };

  const consolidate = async () => {
    setResult(null);
    setNotice(null);
    const done = await op.run('consolidate', async (c) => runConsolidation(host, await getEngine(), files, { lang, profile: { id: award.profileId }, onProgress: c.onProgress }));
    if (done) setResult(done);
  };

  const publish = async () => {
    setNotice(null);
    const d: ('id' | 'phone')[] = [...(drop.id ? (['id'] as const) : []), ...(drop.phone ? (['phone'] as const) : [])];
    const done = await op.run('notice', async (c) => runNotice(host, await getEngine(), { lang, profile: { id: award.profileId }, drop: d, onProgress: c.onProgress }));
    if (done) setNotice(done);
  };

  const select = (sheet: string, cell: string) => host.selectCell(sheet, cell).catch((e: unknown) => op.fail(e));
  const canWrite = !!host.insertSheet;
  const out = result?.out;
  const unreadable = out?.files.filter((f) => f.error) ?? [];
  const merged = out ? out.files.length - unreadable.length : 0;

  return (
    <>
      <Text>{t.intro}</Text>
      <input ref={input} className={styles.hidden} type="file" multiple accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onPick} data-testid="consolidate-files" aria-label={t.pickLabel} />
      <div className={styles.row}>
        <Button icon={<DocumentMultipleRegular />} onClick={() => input.current?.click()} disabled={busy}>
          {t.pick}
        </Button>
        {files.length > 0 && (
          <Button appearance="subtle" icon={<DismissRegular />} onClick={() => setFiles([])} disabled={busy}>
            {t.clear}
          </Button>
        )}
      </div>
      {files.length === 0 ? (
        <Caption1 className={styles.muted}>{t.nonePicked}</Caption1>
      ) : (
        <details>
          <summary>
            <Caption1 data-testid="consolidate-picked">{t.picked(files.length)}</Caption1>
          </summary>
          <ul className={styles.files}>
            {files.map((f) => (
              <li key={f.name}>
                <Caption1 className={styles.item}>{f.name}</Caption1>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className={styles.row}>
        <Button appearance="primary" icon={<MergeRegular />} onClick={consolidate} disabled={busy || files.length === 0 || !canWrite}>
          {t.run(files.length)}
        </Button>
      </div>
      {!canWrite && <Caption1 className={styles.muted}>{t.unsupported}</Caption1>}

      {out && (
        <div data-testid="consolidate-result">
          {out.masters.length === 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t.nothingToMerge}</MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody data-testid="consolidate-summary">
                {t.done(merged, out.masters.map((m) => t.rowsOf(m.name, m.rows)).join(lang === 'zh' ? '，' : ', '))} {t.findingsSummary(out.summary.errors, out.summary.warnings, out.summary.infos)}
              </MessageBarBody>
            </MessageBar>
          )}
          {result!.written.length > 0 && (
            <>
              <Subtitle2 as="h2" className={styles.heading}>
                {t.sheetsHeading}
              </Subtitle2>
              <ul className={styles.list} data-testid="consolidate-sheets">
                {result!.written.map((w) => (
                  <li key={w.name} className={styles.item}>
                    <Link as="button" onClick={() => select(w.name, 'A1')}>
                      {w.name}
                    </Link>
                    {w.name !== w.wanted && <Caption1 className={styles.muted}>{` ${t.renamed(w.wanted)}`}</Caption1>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {unreadable.length > 0 && (
            <MessageBar intent="error" layout="multiline" data-testid="consolidate-unreadable">
              <MessageBarBody>
                <MessageBarTitle>{t.unreadableHeading(unreadable.length)}</MessageBarTitle>
                <ul className={styles.list}>
                  {unreadable.map((f) => (
                    <li key={f.name} className={styles.item} data-code={f.error!.code}>
                      <strong>{f.name}</strong>
                      {s.colon}
                      {f.error!.message}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {out.masters.length > 0 && (
            <>
              <Subtitle2 as="h2" className={styles.heading}>
                {t.duplicatesHeading(out.duplicates.length)}
              </Subtitle2>
              {out.duplicates.length === 0 ? (
                <Caption1 className={styles.muted}>{t.duplicatesNone}</Caption1>
              ) : (
                <ul className={styles.list} data-testid="consolidate-duplicates">
                  {out.duplicates.map((d, i) => (
                    <li key={`${d.places[0]?.sheet}!${i}`} className={styles.item} data-why={d.why}>
                      <span>{`${d.value}：${t.why[d.why]}`}</span>
                      <ul className={styles.list}>
                        {d.places.map((p) => {
                          const at = where(p.sheet, `A${p.row + 1}`);
                          return (
                            <li key={at}>
                              <Link as="button" onClick={() => select(p.sheet, `A${p.row + 1}`)} aria-label={t.goToMaster(at)}>
                                {at}
                              </Link>
                              <Caption1 className={styles.muted}>{t.from(p.file)}</Caption1>
                            </li>
                          );
                        })}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {out.missing.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="consolidate-missing">
              <MessageBarBody>
                <MessageBarTitle>{t.missingHeading(out.missing.length)}</MessageBarTitle>
                {out.missing.map((m) => (m.unreadableFile ? `${m.region}（${t.missingUnreadable(m.unreadableFile)}）` : m.region)).join(lang === 'zh' ? '、' : ', ')}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}

      <Subtitle2 as="h2" className={styles.heading}>
        {t.noticeHeading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t.noticeIntro}</Caption1>
      <div className={styles.row}>
        <Checkbox label={t.dropId} checked={drop.id} onChange={(_, d) => setDrop((x) => ({ ...x, id: !!d.checked }))} disabled={busy} />
        <Checkbox label={t.dropPhone} checked={drop.phone} onChange={(_, d) => setDrop((x) => ({ ...x, phone: !!d.checked }))} disabled={busy} />
      </div>
      <div className={styles.row}>
        <Button icon={<ShieldKeyholeRegular />} onClick={publish} disabled={busy || !canWrite}>
          {t.noticeRun}
        </Button>
      </div>
      {notice && notice.written.length > 0 && (
        <MessageBar intent="success" data-testid="notice-done">
          <MessageBarBody>{t.noticeDone(notice.written.map((w, i) => t.noticeSheet(w.name, notice.out.rows[i] ?? w.rows)).join(lang === 'zh' ? '、' : ', '))}</MessageBarBody>
        </MessageBar>
      )}
      {notice && notice.written.length === 0 && !notice.out.leak && (
        <MessageBar intent="warning" data-testid="notice-nothing">
          <MessageBarBody>{t.noticeNothing}</MessageBarBody>
        </MessageBar>
      )}
      {notice && notice.out.leak && (
        <MessageBar intent="error" layout="multiline" data-testid="notice-leak">
          <MessageBarBody>
            {notice.out.leak.message} {t.noticeLeakNote}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
