import { ruleDaysOff } from './holidays';
import { formatLocalDate } from './local-date';

function daysOff(year: number, kind?: 'holiday' | 'compensatory'): [string, string][] {
  return [...ruleDaysOff(year)]
    .filter(([, dayOff]) => kind === undefined || dayOff.kind === kind)
    .map(([day, dayOff]): [string, string] => [formatLocalDate(day), dayOff.label])
    .sort(([a], [b]) => a.localeCompare(b));
}

const datesLabelled = (year: number, label: string): string[] =>
  daysOff(year, 'holiday')
    .filter(([, l]) => l === label)
    .map(([date]) => date);

describe('ruleDaysOff', () => {
  it.each([
    [2022, ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']],
    [2023, ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']],
    [2024, ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']],
    [2025, ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']],
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']],
  ])('Tết %i: five Monday–Friday days from two days before the lunar new year', (year, expected) => {
    expect(datesLabelled(year, 'Tết Nguyên đán')).toEqual(expected);
  });

  it.each([
    [2023, '2023-04-29'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is the 10th day of the 3rd lunar month (after a leap month too)', (year, date) => {
    expect(datesLabelled(year, 'Giỗ Tổ Hùng Vương')).toEqual([date]);
  });

  it.each([
    ['Monday', 2024, ['2024-09-02', '2024-09-03']],
    ['Tuesday', 2025, ['2025-09-01', '2025-09-02']],
    ['Wednesday', 2026, ['2026-09-01', '2026-09-02']],
    ['Thursday', 2021, ['2021-09-02', '2021-09-03']],
    ['Friday', 2022, ['2022-09-02', '2022-09-03']],
    ['Saturday', 2023, ['2023-09-01', '2023-09-02']],
    ['Sunday', 2029, ['2029-09-01', '2029-09-02']],
  ])('National Day on a %s: 2 September and its adjacent day', (_weekday, year, expected) => {
    expect(datesLabelled(year, 'Quốc khánh')).toEqual(expected);
  });

  it('gives one compensatory day per weekend holiday, on distinct following weekdays', () => {
    // 2022: 1 Jan Saturday; Giỗ Tổ Sunday; 30 Apr Saturday and 1 May Sunday; 3 Sep (extra National Day) Saturday.
    expect(daysOff(2022, 'compensatory')).toEqual([
      ['2022-01-03', 'Nghỉ bù Tết Dương lịch (01/01/2022)'],
      ['2022-04-11', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/04/2022)'],
      ['2022-05-02', 'Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước (30/04/2022)'],
      ['2022-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (01/05/2022)'],
      ['2022-09-05', 'Nghỉ bù Quốc khánh (03/09/2022)'],
    ]);
    // 2029: 1 and 2 September are Saturday and Sunday.
    expect(daysOff(2029, 'compensatory').map(([date]) => date)).toContain('2029-09-03');
    expect(daysOff(2029, 'compensatory').map(([date]) => date)).toContain('2029-09-04');
  });

  it('skips holidays when placing a compensatory day', () => {
    // 2023: Giỗ Tổ Saturday 29 Apr, 30 Apr Sunday, 1 May Monday → compensated Tuesday 2 and Wednesday 3 May;
    // also 1 Jan on a Sunday and 2 Sep on a Saturday.
    expect(daysOff(2023, 'compensatory').map(([date]) => date)).toEqual(['2023-01-02', '2023-05-02', '2023-05-03', '2023-09-04']);
  });

  it('gives the 2025 holidays with no compensation', () => {
    expect(daysOff(2025)).toEqual([
      ['2025-01-01', 'Tết Dương lịch'],
      ['2025-01-27', 'Tết Nguyên đán'],
      ['2025-01-28', 'Tết Nguyên đán'],
      ['2025-01-29', 'Tết Nguyên đán'],
      ['2025-01-30', 'Tết Nguyên đán'],
      ['2025-01-31', 'Tết Nguyên đán'],
      ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
      ['2025-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
      ['2025-05-01', 'Ngày Quốc tế Lao động'],
      ['2025-09-01', 'Quốc khánh'],
      ['2025-09-02', 'Quốc khánh'],
    ]);
  });

  it('gives eleven distinct holidays, compensation included in the same year, for every year from 2000 to 2100', () => {
    for (let year = 2000; year <= 2100; year++) {
      expect(daysOff(year, 'holiday')).toHaveLength(11);
      expect(daysOff(year).every(([date]) => date.startsWith(`${year}-`))).toBe(true);
    }
  });
});
