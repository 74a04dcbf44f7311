import * as React from 'react';
import {
  Caption1,
  Field,
  FluentProvider,
  Select,
  Subtitle1,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Scope, WorkbookHost } from './host-port';
import { strings, type Lang } from './i18n';
import { OperationStatus, useOperation, type OpControls } from './operation';
import { CheckPanel } from './CheckPanel';
import { useAward, type AwardChoice } from './award';
import type { CheckState, TabId } from './types';
import type { CheckView } from '../worker/check-session';
import type { Profile } from '../core/profiles/schema';

// The fill and template panels (tables, dialogs) load on first visit: the first download holds only the check.
const FillPanel = React.lazy(() => import(/* webpackChunkName: "fill-panel", webpackPrefetch: true */ './FillPanel').then((m) => ({ default: m.FillPanel })));
const QuotaPanel = React.lazy(() => import(/* webpackChunkName: "quota-panel", webpackPrefetch: true */ './QuotaPanel').then((m) => ({ default: m.QuotaPanel })));
const ConsolidatePanel = React.lazy(() =>
  import(/* webpackChunkName: "consolidate-panel", webpackPrefetch: true */ './ConsolidatePanel').then((m) => ({ default: m.ConsolidatePanel })),
);
const TemplatePanel = React.lazy(() =>
  import(/* webpackChunkName: "template-panel", webpackPrefetch: true */ './TemplatePanel').then((m) => ({ default: m.TemplatePanel })),
);

export interface AppProps {
  /** The spreadsheet: Office.js in Excel, the in-browser workbook on the preview page, a fake in tests. */
  host: WorkbookHost;
  lang: Lang;
  initialTab?: TabId;
  /** Where the logo is served from (the preview page is not at the add-in's root). */
  logoSrc?: string;
  /** The engine for 汇总 and 公示 (default: the Web Worker next to the page; tests pass an in-process one). */
  engine?: () => import('../worker/client').EngineClient;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
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
  award: { minWidth: 0 },
  // Five tabs do not fit 320 px in English: they wrap to a second row rather than scroll sideways.
  tabs: { flexWrap: 'wrap', minWidth: 0 },
  awardSelect: { minWidth: 0, maxWidth: '100%' },
  main: {
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  panel: {
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '&[hidden]': { display: 'none' },
  },
});

export function App({ host, lang, initialTab = 'check', logoSrc = 'assets/logo-filled.png', engine: startEngine }: AppProps): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>(initialTab);
  const [visited, setVisited] = React.useState<ReadonlySet<TabId>>(() => new Set([initialTab]));
  React.useEffect(() => setVisited((v) => (v.has(tab) ? v : new Set(v).add(tab))), [tab]);
  const [scope, setScope] = React.useState<Scope>('active');
  const [check, setCheck] = React.useState<CheckState | null>(null);
  const op = useOperation(lang);
  const award = useAward(host);

  /**
   * Read the workbook and run the engine: used by 运行检查 and by the fill panel. A host that checks where the
   * workbook is (the browser version's worker) does both there; the pane then receives plain data only.
   */
  const readAndCheck = React.useCallback(
    async (c: OpControls, which: Scope = scope): Promise<CheckState> => {
      const file = (await host.workbookName()) || s.untitledWorkbook;
      // One check with an award: where the workbook is held, or here on the grid the host reads.
      type Run = { view: CheckView; plan: CheckState['plan'] };
      let runWith: (profile: Profile) => Promise<Run>;
      if (host.check) {
        const check = host.check.bind(host);
        const fillPlan = host.fillPlan?.bind(host);
        runWith = async (profile) => {
          const { checkId, ...view } = await check({ scope: which, file, lang, profile: { id: profile.id } }, c.onProgress);
          return { view, plan: async (o) => (fillPlan ? fillPlan(checkId, o) : null) };
        };
      } else {
        // The engine is its own chunk (prefetched at start-up): fetched, if need be, while the host reads.
        const engine = import(/* webpackChunkName: "engine", webpackPrefetch: true */ '../core/check');
        engine.catch(() => undefined);
        const grid = await host.readWorkbook(which, c.onProgress);
        await c.step('check');
        const { checkWorkbook } = await engine;
        runWith = async (profile) => {
          const result = checkWorkbook(grid, { file, lang, profile });
          return { view: result, plan: async (o) => (await import(/* webpackChunkName: "engine" */ '../worker/check-session')).fillPlanOf(result, o) };
        };
      }
      const [chosen, { builtinProfiles }] = await Promise.all([award.resolve(), import(/* webpackChunkName: "engine" */ '../core/profiles')]);
      let profile = chosen;
      let run = await runWith(profile);
      // No award chosen yet and a register or quota table that needs one with quotas: check with that award.
      const fit = award.fitFor(run.view.tables.map((t) => t.kind), builtinProfiles);
      if (fit) {
        profile = fit;
        run = await runWith(profile);
        award.suggest(fit.id);
      }
      const state: CheckState = { result: run.view, scope: which, file, profileId: profile.id, at: new Date(), plan: run.plan };
      setCheck(state);
      return state;
    },
    [host, lang, scope, award, s],
  );

  return (
    // Layout classes go on an inner element: Fluent copies the provider's classes onto portal mount nodes
    // (dialogs), and a 100vh-tall portal node below the pane made the page scroll away when a dialog opened.
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className={styles.root}>
        <header className={styles.header}>
          <img src={logoSrc} width={32} height={32} alt={s.logoAlt} />
          <div className={styles.headerText}>
            <Subtitle1 as="h1">{s.title}</Subtitle1>
            <Text size={200} className={styles.subtitle}>
              {s.subtitle}
            </Text>
          </div>
        </header>
        <AwardPicker award={award} lang={lang} disabled={op.busy !== null} className={styles.award} selectClassName={styles.awardSelect} />
        <TabList
          aria-label={s.tabListLabel}
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
          size="medium"
          className={styles.tabs}
        >
          <Tab value="check">{s.tabs.check}</Tab>
          <Tab value="fill">{s.tabs.fill}</Tab>
          <Tab value="template">{s.tabs.template}</Tab>
          <Tab value="quota">{s.tabs.quota}</Tab>
          <Tab value="consolidate">{s.tabs.consolidate}</Tab>
        </TabList>
        <OperationStatus op={op} lang={lang} />
        <main className={styles.main}>
          {/* Panels stay mounted (hidden) so a filter or a selection survives a tab switch. */}
          <div role="tabpanel" aria-label={s.tabs.check} hidden={tab !== 'check'} className={styles.panel}>
            <CheckPanel
              host={host}
              lang={lang}
              op={op}
              scope={scope}
              onScope={setScope}
              check={check}
              readAndCheck={readAndCheck}
              award={award}
            />
          </div>
          <React.Suspense fallback={<Caption1>{s.loadingPanel}</Caption1>}>
            {(visited.has('fill') || tab === 'fill') && (
              <div role="tabpanel" aria-label={s.tabs.fill} hidden={tab !== 'fill'} className={styles.panel}>
                <FillPanel host={host} lang={lang} op={op} check={check} readAndCheck={readAndCheck} />
              </div>
            )}
            {(visited.has('template') || tab === 'template') && (
              <div role="tabpanel" aria-label={s.tabs.template} hidden={tab !== 'template'} className={styles.panel}>
                <TemplatePanel host={host} lang={lang} op={op} award={award} />
              </div>
            )}
            {(visited.has('quota') || tab === 'quota') && (
              <div role="tabpanel" aria-label={s.tabs.quota} hidden={tab !== 'quota'} className={styles.panel}>
                <QuotaPanel host={host} lang={lang} op={op} award={award} />
              </div>
            )}
            {(visited.has('consolidate') || tab === 'consolidate') && (
              <div role="tabpanel" aria-label={s.tabs.consolidate} hidden={tab !== 'consolidate'} className={styles.panel}>
                <ConsolidatePanel host={host} lang={lang} op={op} award={award} engine={startEngine} />
              </div>
            )}
          </React.Suspense>
        </main>
      </div>
    </FluentProvider>
  );
}

/** The one award picker of the pane (检查, 名额, 填充, 模板 follow it); the choice is kept in the workbook. */
function AwardPicker({
  award,
  lang,
  disabled,
  className,
  selectClassName,
}: {
  award: AwardChoice;
  lang: Lang;
  disabled: boolean;
  className: string;
  selectClassName: string;
}): React.JSX.Element {
  const s = strings(lang);
  const list = award.profiles ?? [];
  return (
    <Field
      className={className}
      label={s.award.label}
      hint={award.saveFailed ? undefined : s.award.hint}
      validationState={award.saveFailed ? 'warning' : 'none'}
      validationMessage={award.saveFailed ? s.award.saveFailed : undefined}
    >
      <Select
        className={selectClassName}
        value={award.profileId}
        onChange={(_, d) => award.choose(d.value)}
        disabled={disabled || list.length === 0}
        data-testid="award-picker"
      >
        {list.length === 0 && <option value={award.profileId}>{s.loadingPanel}</option>}
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {s.award.option(p.name)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
