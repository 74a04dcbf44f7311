/**
 * The results of a check: counts per severity, the recognised tables, the filter and the findings grouped by
 * severity then rule. Loaded after start-up (a separate chunk) so the task pane's first download stays small.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  CounterBadge,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import type { LocatedFinding } from '../core/check';
import type { Severity } from '../core/finding';
import { ALL_FORMS } from '../core/forms';
import { clockTime } from './format';
import { strings, type Lang } from './i18n';
import type { CheckState } from './types';
import { SEVERITIES, countBySeverity, findingKey, where, type FindingFilter } from './findings';
import { groupFindings } from './group';

export interface FindingsViewProps {
  check: CheckState;
  /** Name of the award the check ran with. */
  awardName: string;
  lang: Lang;
  filter: FindingFilter;
  onFilter: React.Dispatch<React.SetStateAction<FindingFilter>>;
  /** The findings that pass the filter. */
  shown: LocatedFinding[];
  /** Key of the finding last clicked. */
  active: string | null;
  onSelect(f: LocatedFinding): void;
}

/** Findings rendered per rule before "show more": a county sheet can hold thousands. */
const FIRST_PAGE = 50;
const MORE_PAGE = 200;

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    gap: tokens.spacingHorizontalS,
  },
  count: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  countNumber: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  tables: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  severityHeading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  ruleHeader: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    textAlign: 'left',
    minWidth: 0,
  },
  ruleText: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  ruleId: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  finding: {
    overflowWrap: 'anywhere',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  findingActive: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  cellRef: {
    fontWeight: tokens.fontWeightSemibold,
  },
  detail: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    wordBreak: 'break-all',
  },
});

export function FindingsView({ check, awardName, lang, filter, onFilter, shown, active, onSelect }: FindingsViewProps): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  const findings = check.result.findings;
  const counts = React.useMemo(() => countBySeverity(findings), [findings]);
  const groups = React.useMemo(() => groupFindings(shown, lang), [shown, lang]);
  const setFilter = onFilter;
  const select = onSelect;
  return (
        <>
          <section aria-label={s.summaryLabel} className={styles.summary}>
            {SEVERITIES.map((sev) => (
              <div key={sev} className={styles.count} data-severity={sev} data-testid={`count-${sev}`}>
                <span className={mergeClasses(styles.countNumber, counts[sev] > 0 ? styles[sev] : styles.muted)}>
                  {counts[sev]}
                </span>
                <Caption1>{s.severity[sev]}</Caption1>
              </div>
            ))}
          </section>
          {check.result.tables.length === 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{s.noTables}</MessageBarBody>
            </MessageBar>
          ) : (
            <div>
              <Caption1 className={styles.muted}>
                {s.checkedAt(clockTime(check.at, lang), awardName)} · {s.tablesFound(check.result.tables.length)}
              </Caption1>
              <ul className={styles.tables}>
                {check.result.tables.map((t) => (
                  <li key={`${t.sheet}!${t.range}`}>
                    <Caption1 className={styles.muted}>
                      {s.tableLine(where(t.sheet, t.range), ALL_FORMS.find((f) => f.kind === t.kind)?.title[lang] ?? t.kind, t.rows)}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {check.result.tables.length > 0 && findings.length === 0 && (
            <MessageBar intent="success">
              <MessageBarBody>{s.noFindings}</MessageBarBody>
            </MessageBar>
          )}
          {findings.length > 0 && (
            <>
              <div className={styles.filters}>
                <Field label={s.filterText}>
                  <Input
                    type="search"
                    contentBefore={<SearchRegular />}
                    placeholder={s.filterPlaceholder}
                    value={filter.text}
                    onChange={(_, d) => setFilter((f) => ({ ...f, text: d.value }))}
                  />
                </Field>
                <Field label={s.filterSeverity}>
                  <Select
                    value={filter.severity}
                    onChange={(_, d) => setFilter((f) => ({ ...f, severity: d.value as FindingFilter['severity'] }))}
                  >
                    <option value="all">{`${s.severityAll} (${findings.length})`}</option>
                    {SEVERITIES.map((sev) => (
                      <option key={sev} value={sev}>{`${s.severity[sev]} (${counts[sev]})`}</option>
                    ))}
                  </Select>
                </Field>
              </div>
              <Caption1 className={styles.muted} aria-live="polite">
                {s.shownOf(shown.length, findings.length)}
              </Caption1>
              {shown.length === 0 ? (
                <Text>{s.noMatch}</Text>
              ) : (
                <section aria-label={s.findingsLabel}>
                  {groups.map((g) => (
                    <section key={g.severity} aria-label={`${s.severity[g.severity]} ${g.count}`} data-severity-group={g.severity}>
                      <h2 className={styles.severityHeading}>
                        <Subtitle2 className={styles[g.severity]}>{s.severity[g.severity]}</Subtitle2>
                        <CounterBadge count={g.count} overflowCount={99999} color={g.severity === 'error' ? 'danger' : g.severity === 'warning' ? 'important' : 'informative'} appearance="filled" size="small" />
                      </h2>
                      <RuleGroups groups={g.rules} severity={g.severity} lang={lang} active={active} onSelect={select} />
                    </section>
                  ))}
                </section>
              )}
            </>
          )}
        </>
  );
}

interface RuleGroupsProps {
  groups: { rule: string; title: string; findings: LocatedFinding[] }[];
  severity: Severity;
  lang: Lang;
  active: string | null;
  onSelect(f: LocatedFinding): void;
}

/** One accordion item per rule, open by default; closing one is remembered across filter changes. */
function RuleGroups({ groups, severity, lang, active, onSelect }: RuleGroupsProps): React.JSX.Element {
  const [closed, setClosed] = React.useState<ReadonlySet<string>>(new Set());
  const open = groups.filter((g) => !closed.has(g.rule)).map((g) => g.rule);
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, d) => {
        const rule = String(d.value);
        setClosed((prev) => {
          const next = new Set(prev);
          if (next.has(rule)) next.delete(rule);
          else next.add(rule);
          return next;
        });
      }}
    >
      {groups.map((g) => (
        <RuleGroup key={g.rule} group={g} severity={severity} lang={lang} active={active} onSelect={onSelect} />
      ))}
    </Accordion>
  );
}

function RuleGroup({
  group,
  severity,
  lang,
  active,
  onSelect,
}: {
  group: { rule: string; title: string; findings: LocatedFinding[] };
  severity: Severity;
  lang: Lang;
  active: string | null;
  onSelect(f: LocatedFinding): void;
}): React.JSX.Element {
  const s = strings(lang);
  const styles = useStyles();
  const [limit, setLimit] = React.useState(FIRST_PAGE);
  const list = group.findings.slice(0, limit);
  const rest = group.findings.length - list.length;
  return (
    <AccordionItem value={group.rule} data-rule={group.rule}>
      <AccordionHeader size="small">
        <span className={styles.ruleHeader}>
          <span className={styles.ruleText}>
            <span data-testid="rule-title">{group.title}</span>
            <span className={styles.ruleId} aria-label={s.ruleIdLabel(group.rule)}>
              {group.rule}
            </span>
          </span>
          <Badge appearance="tint" color={BADGE_COLOR[severity]} size="small" aria-label={s.ruleCount(group.findings.length)}>
            {group.findings.length}
          </Badge>
        </span>
      </AccordionHeader>
      {/* No open/close motion: it measures each panel's height, a forced layout of the whole page per rule. */}
      <AccordionPanel collapseMotion={null}>
        <ul className={styles.list}>
          {list.map((f) => {
            const key = findingKey(f);
            const at = where(f.sheet, f.cell);
            return (
              <li key={key}>
                <button
                  type="button"
                  className={mergeClasses(styles.finding, active === key && styles.findingActive)}
                  onClick={() => onSelect(f)}
                  title={s.goToCell(at)}
                  aria-current={active === key ? 'true' : undefined}
                  data-finding-rule={f.rule}
                  data-finding-cell={f.cell}
                  data-finding-sheet={f.sheet}
                >
                  <span>
                    <span className={styles.cellRef}>{at}</span> {f.message}
                  </span>
                  {f.value ? (
                    <span className={styles.detail}>
                      {s.valueLabel}{f.value}
                    </span>
                  ) : null}
                  {f.fix && f.fix !== f.value ? (
                    <span className={styles.detail}>
                      {s.fixLabel}{f.fix}
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
        {rest > 0 && (
          <Button appearance="subtle" size="small" onClick={() => setLimit((n) => n + MORE_PAGE)}>
            {s.showMore(Math.min(rest, MORE_PAGE))}
          </Button>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
