/**
 * The award (profile) the pane checks and tallies with: one choice for 检查, 名额, 填充 and 模板, kept in the
 * workbook through the host port's settings (Office's document settings in Excel), so the workbook reopens with
 * its award. The list of built-in profiles comes with the engine chunk (prefetched at start-up), not the first
 * download.
 */
import * as React from 'react';
import type { Profile } from '../core/profiles/schema';
import type { WorkbookHost } from './host-port';

/** The workbook setting that holds the chosen profile id. */
export const AWARD_SETTING = 'awardTally.profile';

export interface AwardChoice {
  /** The built-in profiles, once loaded. */
  profiles: readonly Profile[] | null;
  /** The chosen profile id (the default until the workbook's choice is read). */
  profileId: string;
  /** The chosen profile, once the list is loaded. */
  profile: Profile | null;
  choose(id: string): void;
  /** Resolves to the chosen profile (loads the list if need be). */
  resolve(): Promise<Profile>;
  /** Saving the choice in the workbook failed (the session keeps it). */
  saveFailed: boolean;
  /**
   * The award that fits a workbook whose tables are `kinds`, when nobody chose one (neither the user nor the
   * workbook's setting): a register or quota table without quotas in the current award → the first built-in award
   * that has a quota table (xj-qc-2019). Null: keep the current one. The suggestion is applied (not saved) by `suggest`.
   */
  fitFor(kinds: readonly string[], profiles: readonly Profile[]): Profile | null;
  suggest(id: string): void;
}

type ProfilesModule = typeof import('../core/profiles');
const loadProfiles = (): Promise<ProfilesModule> => import(/* webpackChunkName: "engine" */ '../core/profiles');

export function useAward(host: WorkbookHost, defaultId = 'ili-2025-contribution'): AwardChoice {
  const [mod, setMod] = React.useState<ProfilesModule | null>(null);
  const [profileId, setProfileId] = React.useState(defaultId);
  const [saveFailed, setSaveFailed] = React.useState(false);
  // Chosen by the user or read from the workbook: never replaced by a suggestion.
  const touched = React.useRef(false);

  React.useEffect(() => {
    let live = true;
    loadProfiles().then((m) => live && setMod(m), () => undefined);
    // The workbook's own choice, unless the user picked one meanwhile.
    host.settings
      ?.get(AWARD_SETTING)
      .then((id) => {
        if (live && id && !touched.current) {
          touched.current = true;
          setProfileId(id);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const known = (m: ProfilesModule, id: string) => m.builtinProfiles.find((p) => p.id === id) ?? m.getProfile(m.DEFAULT_PROFILE_ID);

  const choose = React.useCallback(
    (id: string) => {
      touched.current = true;
      setProfileId(id);
      setSaveFailed(false);
      host.settings?.set(AWARD_SETTING, id).catch(() => setSaveFailed(true));
    },
    [host],
  );
  const fitFor = React.useCallback(
    (kinds: readonly string[], profiles: readonly Profile[]): Profile | null => {
      if (touched.current) return null;
      if (!kinds.some((k) => k === 'qc.register' || k === 'qc.quota')) return null;
      const current = profiles.find((p) => p.id === profileId);
      if (current?.quota) return null;
      return profiles.find((p) => p.quota) ?? null;
    },
    [profileId],
  );
  const suggest = React.useCallback((id: string) => {
    if (!touched.current) setProfileId(id);
  }, []);
  const resolve = React.useCallback(async () => known(mod ?? (await loadProfiles()), profileId), [mod, profileId]);
  const profile = mod ? known(mod, profileId) : null;
  return React.useMemo(
    () => ({ profiles: mod?.builtinProfiles ?? null, profileId: profile?.id ?? profileId, profile, choose, resolve, saveFailed, fitFor, suggest }),
    [mod, profileId, profile, choose, resolve, saveFailed, fitFor, suggest],
  );
}
