import { toLocalDate } from '../calendar';
import type { FieldProblem } from '../errors/domain-error';
import type { Applicant } from './dossier';

/** The earliest date of birth taken: the citizen ID's century codes start at 1900. */
const EARLIEST_BIRTH = '1900-01-01';

/**
 * What is wrong with a person's date of birth and citizen ID (căn cước, 12 digits) taken together. The
 * ID's 4th digit encodes the century of birth and the sex (0 a man born in the 1900s, 1 a woman; 2/3
 * the 2000s; and so on), its 5th and 6th the last two digits of the year; `prefix` names the fields
 * (`applicant.`, `proxy.`).
 */
export function applicantIdentityProblems(applicant: Pick<Applicant, 'kind' | 'idNumber' | 'dateOfBirth' | 'sex'>, now: Date, prefix = 'applicant.'): FieldProblem[] {
  if (applicant.kind !== 'person' || !applicant.dateOfBirth) return [];
  const { dateOfBirth, idNumber, sex } = applicant;
  if (dateOfBirth > toLocalDate(now)) return [{ field: `${prefix}dateOfBirth`, reason: 'dateOfBirth must not be in the future' }];
  if (dateOfBirth < EARLIEST_BIRTH) return [{ field: `${prefix}dateOfBirth`, reason: `dateOfBirth must not be before ${EARLIEST_BIRTH}` }];
  if (!/^\d{12}$/.test(idNumber)) return [];
  const code = Number(idNumber[3]);
  const year = 1900 + 100 * Math.floor(code / 2) + Number(idNumber.slice(4, 6));
  const problems: FieldProblem[] = [];
  if (String(year) !== dateOfBirth.slice(0, 4)) {
    const reason = `idNumber ${idNumber} is of a person born in ${year} (its 4th to 6th digits), but dateOfBirth is ${dateOfBirth}`;
    problems.push({ field: `${prefix}idNumber`, reason }, { field: `${prefix}dateOfBirth`, reason });
  }
  const encodedSex = code % 2 === 0 ? 'male' : 'female';
  if (sex && sex !== encodedSex) {
    const reason = `idNumber ${idNumber} is of a ${encodedSex === 'male' ? 'man' : 'woman'} (its 4th digit is ${code}), but sex is ${sex}`;
    problems.push({ field: `${prefix}idNumber`, reason }, { field: `${prefix}sex`, reason });
  }
  return problems;
}
