import { applicantIdentityProblems } from './applicant-identity';

describe("a person's date of birth against their citizen ID", () => {
  const now = new Date('2026-03-10T03:00:00Z');
  const person = (idNumber: string, dateOfBirth: string, sex?: 'male' | 'female') => applicantIdentityProblems({ kind: 'person', idNumber, dateOfBirth, sex }, now);

  it('takes an ID whose century, sex and year match', () => {
    expect(person('056185001234', '1985-04-12', 'female')).toEqual([]);
    expect(person('056085001234', '1985-04-12', 'male')).toEqual([]);
    expect(person('079303001234', '2003-01-31', 'female')).toEqual([]);
    expect(person('001200000001', '2000-01-01')).toEqual([]);
  });

  it('refuses a date of birth in the future (in Vietnam: 10 March 2026 is today there) or before 1900', () => {
    expect(person('056226001234', '2026-03-10')).toEqual([]);
    expect(person('056226001234', '2026-03-11')).toEqual([{ field: 'applicant.dateOfBirth', reason: 'dateOfBirth must not be in the future' }]);
    expect(applicantIdentityProblems({ kind: 'person', idNumber: '056235001234', dateOfBirth: '2035-04-12' }, now)).toHaveLength(1);
    expect(person('056099001234', '1899-12-31')).toEqual([{ field: 'applicant.dateOfBirth', reason: 'dateOfBirth must not be before 1900-01-01' }]);
  });

  it('names both fields when the year or the century does not match', () => {
    const reason = 'idNumber 056185001234 is of a person born in 1985 (its 4th to 6th digits), but dateOfBirth is 1990-04-12';
    expect(person('056185001234', '1990-04-12')).toEqual([
      { field: 'applicant.idNumber', reason },
      { field: 'applicant.dateOfBirth', reason },
    ]);
    // 2 and 3 are the 2000s: someone born in 1985 cannot hold 056385…
    expect(person('056385001234', '1985-04-12').map((problem) => problem.field)).toEqual(['applicant.idNumber', 'applicant.dateOfBirth']);
  });

  it('names the ID number and the sex when they disagree', () => {
    const reason = 'idNumber 056185001234 is of a woman (its 4th digit is 1), but sex is male';
    expect(person('056185001234', '1985-04-12', 'male')).toEqual([
      { field: 'applicant.idNumber', reason },
      { field: 'applicant.sex', reason },
    ]);
  });

  it('checks nothing of an organisation, or of a person without a date of birth', () => {
    expect(applicantIdentityProblems({ kind: 'organisation', idNumber: '4201234567' }, now)).toEqual([]);
    expect(applicantIdentityProblems({ kind: 'person', idNumber: '056185001234' }, now)).toEqual([]);
  });
});
