import * as React from 'react';
import { FluentProvider, Text, Title2, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { Lang, strings } from './i18n';

export interface AppProps {
  lang: Lang;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  headerText: {
    display: 'flex',
    flexDirection: 'column',
  },
  subtitle: {
    color: tokens.colorNeutralForeground3,
  },
});

/** The task-pane shell: header and a placeholder until the check panel lands with the Excel host. */
export function App({ lang }: AppProps): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <header className={styles.header}>
        <img src="assets/logo-filled.png" width={40} height={40} alt={s.logoAlt} />
        <div className={styles.headerText}>
          <Title2 as="h1">{s.title}</Title2>
          <Text size={200} className={styles.subtitle}>
            {s.subtitle}
          </Text>
        </div>
      </header>
      <main>
        <Text as="p">{s.placeholder}</Text>
      </main>
    </FluentProvider>
  );
}
