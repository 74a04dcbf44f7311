import type { FormDef } from './form';
import { annex3Collective, annex3Individual } from './annex3';
import { qcQuota, qcRegister } from './qc-quota';
import { qcActivityStats, qcTeamStats } from './qc-stats';
import { indicators } from './indicators';

/** Vertical forms (统计项目 / 单位 / 数量, indicator tables): located by src/core/locate-vertical.ts. */
export const VERTICAL_FORMS: readonly FormDef[] = [qcActivityStats, qcTeamStats, indicators];
export { qcActivityStats, qcTeamStats, indicators };

/** Every form the locator looks for. */
export const ALL_FORMS: readonly FormDef[] = [annex3Collective, annex3Individual, qcQuota, qcRegister, ...VERTICAL_FORMS];
export { annex3Collective, annex3Individual };
export { qcQuota, qcRegister };
