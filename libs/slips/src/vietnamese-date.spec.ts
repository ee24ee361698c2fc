import { formatIssueLine, formatPeriodBound } from './vietnamese-date';

describe('formatIssueLine', () => {
  it('prints the place and the local date, zero-padding the day and the months 1 and 2 (Decree 30/2020)', () => {
    expect(formatIssueLine('Nha Trang', new Date('2025-02-07T10:00:00Z'))).toBe('Nha Trang, ngày 07 tháng 02 năm 2025');
    expect(formatIssueLine('Nha Trang', new Date('2025-12-09T03:00:00Z'))).toBe('Nha Trang, ngày 09 tháng 12 năm 2025');
  });

  it('writes the months 3 to 9 without a zero', () => {
    expect(formatIssueLine('Cam Ranh', new Date('2025-05-15T03:00:00Z'))).toBe('Cam Ranh, ngày 15 tháng 5 năm 2025');
  });

  it('takes the date in Vietnam (UTC+7), not in the server time zone', () => {
    // 18:30 UTC on 4 May is 01:30 on 5 May in Vietnam; the tests run with TZ=America/Los_Angeles.
    expect(formatIssueLine('Nha Trang', new Date('2025-05-04T18:30:00Z'))).toBe('Nha Trang, ngày 05 tháng 5 năm 2025');
  });

  it('starts with a capital when there is no place', () => {
    expect(formatIssueLine('  ', new Date('2025-02-07T10:00:00Z'))).toBe('Ngày 07 tháng 02 năm 2025');
  });
});

describe('formatPeriodBound', () => {
  it("prints an ISO date as 'dd/MM/yyyy' and any other text as given", () => {
    expect(formatPeriodBound('2025-02-01')).toBe('01/02/2025');
    expect(formatPeriodBound('quý I/2025')).toBe('quý I/2025');
  });
});
