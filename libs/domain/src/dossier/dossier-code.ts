import type { LocalDate } from '../calendar';

/**
 * `{agency e-ID}-{yyMMdd}-{NNNN}`: the receiving agency's code, the receipt date, and the agency's
 * daily sequence, at least four digits. The sequence comes from a database counter row.
 */
export function formatDossierCode(agencyCode: string, receiptDate: LocalDate, sequence: number): string {
  const yyMMdd = receiptDate.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yyMMdd}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/;

/** The short verifier a citizen types with the code: the last four digits of the phone, else of the ID. */
export function verifierFor(phone: string | undefined, idNumber: string): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return (digits.length >= 4 ? digits : idNumber.replace(/\D/g, '')).slice(-4);
}
