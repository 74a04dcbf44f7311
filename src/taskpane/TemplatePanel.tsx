/** 模板: insert a blank 附件3 sheet through the host (which lazy-loads the ExcelJS template writer). */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TableAddRegular } from '@fluentui/react-icons';
import type { WorkbookHost } from './host-port';
import { strings, type Lang } from './i18n';
import type { Operation } from './operation';

export interface TemplatePanelProps {
  host: WorkbookHost;
  lang: Lang;
  op: Operation;
}

const useStyles = makeStyles({
  note: {
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function TemplatePanel({ host, lang, op }: TemplatePanelProps): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  const supported = host.capabilities().insertWorksheets;
  const [inserted, setInserted] = React.useState<string | null>(null);

  const insert = async () => {
    setInserted(null);
    const name = await op.run('template', (c) => host.insertTemplate('annex3', c.onProgress));
    if (name) setInserted(name);
  };

  return (
    <>
      <Text>{s.templateIntro}</Text>
      <Text className={styles.note} size={200}>
        {s.templateNote}
      </Text>
      {supported ? (
        <div className={styles.row}>
          <Button appearance="primary" icon={<TableAddRegular />} onClick={insert} disabled={op.busy !== null}>
            {s.insertTemplate}
          </Button>
        </div>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.templateUnsupported}</MessageBarBody>
        </MessageBar>
      )}
      {inserted && (
        <MessageBar intent="success">
          <MessageBarBody>{s.templateInserted(inserted)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
