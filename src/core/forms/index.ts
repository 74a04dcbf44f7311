import type { FormDef } from './form';
import { annex3Collective, annex3Individual } from './annex3';

/** Every form the locator looks for. */
export const ALL_FORMS: readonly FormDef[] = [annex3Collective, annex3Individual];
export { annex3Collective, annex3Individual };
