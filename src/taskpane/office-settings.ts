/**
 * WorkbookSettings over Office's per-document settings (Office.context.document.settings, Common API: every Excel
 * with add-ins, 2013 on): saved inside the workbook file with the add-in's id, so the choice travels with it.
 */
import type { WorkbookSettings } from './host-port';

export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message?: string } }) => void): void;
}

export function officeSettings(settings: OfficeSettingsLike | undefined): WorkbookSettings | undefined {
  if (!settings) return undefined;
  return {
    get: async (key) => {
      const v = settings.get(key);
      return typeof v === 'string' ? v : null;
    },
    set: (key, value) =>
      new Promise<void>((resolve, reject) => {
        settings.set(key, value);
        settings.saveAsync((r) => (r.status === 'succeeded' ? resolve() : reject(new Error(r.error?.message ?? 'saveAsync failed'))));
      }),
  };
}
