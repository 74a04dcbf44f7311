/**
 * 模板: insert a blank form — the CLI's five kinds (award-tally template …) — titled with the chosen award's name,
 * through host.insertSheet. The sheet is built in a lazily loaded chunk (ExcelJS and the template writer).
 */
import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TableAddRegular } from '@fluentui/react-icons';
import type { WorkbookHost } from './host-port';
import { strings, type Lang } from './i18n';
import type { Operation } from './operation';
import type { AwardChoice } from './award';
import { PANE_TEMPLATE_KINDS, type TemplateKind } from './template-kinds';

export interface TemplatePanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
  award: AwardChoice;
}

const useStyles = makeStyles({
  note: {
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  kinds: { minWidth: 0 },
  kindLabel: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  kindIntro: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  button: { maxWidth: '100%', height: 'auto', textAlign: 'left' },
});

export function TemplatePanel({ host, lang, op, award }: TemplatePanelProps): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  const supported = !!host.insertSheet && host.capabilities().insertWorksheets;
  const [kind, setKind] = React.useState<TemplateKind>('annex3');
  const [inserted, setInserted] = React.useState<string | null>(null);
  const awardName = award.profile?.name ?? '';

  const insert = async () => {
    setInserted(null);
    const name = await op.run('template', async (c) => {
      c.onProgress({ done: 0, total: 3, unit: 'steps' });
      const [{ templatePayload }, profile] = await Promise.all([
        import(/* webpackChunkName: "template" */ './template-payload'),
        award.resolve(),
      ]);
      const payload = templatePayload(kind, profile);
      c.onProgress({ done: 1, total: 3, unit: 'steps' });
      return host.insertSheet!(payload, (p) => c.onProgress({ ...p, done: 1 + Math.min(p.done, p.total) / Math.max(1, p.total) * 2, total: 3, unit: 'steps', step: 'template' }));
    });
    if (name) setInserted(name);
  };

  return (
    <>
      <Text>{s.templateIntro}</Text>
      <Field label={s.templateKindLabel} className={styles.kinds}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as TemplateKind)} disabled={op.busy !== null} data-testid="template-kinds">
          {PANE_TEMPLATE_KINDS.map((k) => (
            <Radio
              key={k}
              value={k}
              label={
                <span className={styles.kindLabel}>
                  <span>{s.templateKinds[k].title}</span>
                  <span className={styles.kindIntro}>{s.templateKinds[k].intro}</span>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      {awardName && (
        <Text className={styles.note} size={200} data-testid="template-award">
          {s.templateAwardNote(awardName)}
        </Text>
      )}
      {supported ? (
        <div className={styles.row}>
          <Button appearance="primary" icon={<TableAddRegular />} onClick={insert} disabled={op.busy !== null} className={styles.button}>
            {s.insertTemplate(kind)}
          </Button>
        </div>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.templateUnsupported(kind)}</MessageBarBody>
        </MessageBar>
      )}
      {inserted && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{s.templateInserted(inserted)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
