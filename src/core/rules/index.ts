/**
 * The rule catalogue of SPEC §3, one file per rule id. The order here is the order of findings on one cell:
 * structure first, then identity numbers (most specific first), then the other columns.
 */
import type { Rule } from './rule';
import { rule as headerMissingColumn } from './header.missing-column';
import { rule as sheetHeaderInfo } from './sheet.header-info';
import { rule as requiredMissing } from './required.missing';
import { rule as idMissing } from './id.missing';
import { rule as idPrecisionLost } from './id.precision-lost';
import { rule as idStoredAsNumber } from './id.stored-as-number';
import { rule as idFormat } from './id.format';
import { rule as idFirstGeneration } from './id.first-generation';
import { rule as idNormalized } from './id.normalized';
import { rule as idRegion } from './id.region';
import { rule as idBirthdate } from './id.birthdate';
import { rule as idChecksum } from './id.checksum';
import { rule as idAge } from './id.age';
import { rule as idGenderMismatch } from './id.gender-mismatch';
import { rule as idDuplicate } from './id.duplicate';
import { rule as usccFormat } from './uscc.format';
import { rule as usccChecksum } from './uscc.checksum';
import { rule as usccDuplicate } from './uscc.duplicate';
import { rule as phoneInvalid } from './phone.invalid';
import { rule as unitTypeInvalid } from './unit-type.invalid';
import { rule as unitTypeSynonym } from './unit-type.synonym';
import { rule as genderInvalid } from './gender.invalid';
import { rule as ethnicityInvalid } from './ethnicity.invalid';
import { rule as politicalStatusInvalid } from './political-status.invalid';
import { rule as seqGap } from './seq.gap';
import { rule as nameDuplicate } from './name.duplicate';
import { rule as categorySynonym } from './category.synonym';
import { rule as statsValueType } from './stats.value-type';
import { rule as statsInconsistent } from './stats.inconsistent';
import { rule as statsRateInputsMissing } from './stats.rate-inputs-missing';
import { rule as statsRateMismatch } from './stats.rate-mismatch';
import { rule as statsRateRange } from './stats.rate-range';
import { rule as quotaTotalMismatch } from './quota.total-mismatch';
import { rule as quotaExceeded } from './quota.exceeded';
import { rule as quotaUnknownRegion } from './quota.unknown-region';
import { rule as quotaCapExceeded } from './quota.cap-exceeded';
import { rule as quotaMembersExceeded } from './quota.members-exceeded';
import { rule as quotaShareExceeded } from './quota.share-exceeded';
import { rule as dupCrossFile } from './dup.cross-file';
import { rule as workbookNoTable } from './workbook.no-table';

export const ALL_RULES: readonly Rule[] = [
  headerMissingColumn,
  sheetHeaderInfo,
  requiredMissing,
  idMissing,
  idPrecisionLost,
  idStoredAsNumber,
  idFormat,
  idFirstGeneration,
  idNormalized,
  idRegion,
  idBirthdate,
  idChecksum,
  idAge,
  idGenderMismatch,
  idDuplicate,
  usccFormat,
  usccChecksum,
  usccDuplicate,
  phoneInvalid,
  unitTypeInvalid,
  unitTypeSynonym,
  genderInvalid,
  ethnicityInvalid,
  politicalStatusInvalid,
  seqGap,
  nameDuplicate,
  categorySynonym,
  statsValueType,
  statsInconsistent,
  statsRateInputsMissing,
  statsRateMismatch,
  statsRateRange,
  quotaTotalMismatch,
  quotaExceeded,
  quotaUnknownRegion,
  quotaCapExceeded,
  quotaMembersExceeded,
  quotaShareExceeded,
  dupCrossFile,
  workbookNoTable,
];

/** Rule ids of the catalogue, for filters and docs. */
export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.meta.id);
