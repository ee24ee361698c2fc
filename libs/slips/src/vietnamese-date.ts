import { toLocalDate } from '@motcua/domain';

// Instants in slip bodies are printed with formatVietnameseDateTime from @motcua/domain
// ('HH:mm, ngày dd/MM/yyyy', Asia/Ho_Chi_Minh); this file has the two date forms that differ.

/**
 * The issue line under the national motto: '{place}, ngày 07 tháng 02 năm 2025'. Decree 30/2020/NĐ-CP
 * (Appendix I) pads days below 10 and the months 1 and 2 with a zero, so that 'tháng 1' cannot be
 * turned into 'tháng 11' by hand; the other months are written as they are ('tháng 5', 'tháng 12').
 */
export function formatIssueLine(place: string, issuedAt: Date): string {
  const [year, month, day] = toLocalDate(issuedAt).split('-').map(Number) as [number, number, number];
  const date = `ngày ${String(day).padStart(2, '0')} tháng ${month <= 2 ? `0${month}` : month} năm ${year}`;
  const trimmedPlace = place.trim();
  return trimmedPlace ? `${trimmedPlace}, ${date}` : `${date.charAt(0).toUpperCase()}${date.slice(1)}`;
}

/** A period bound of the register: 'yyyy-MM-dd' is printed 'dd/MM/yyyy'; other text as given. */
export function formatPeriodBound(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}
