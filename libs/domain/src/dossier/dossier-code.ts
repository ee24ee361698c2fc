import type { LocalDate } from '../calendar';

/** Digits of the daily sequence at least (more after 9,999 dossiers in a day). */
export const DOSSIER_SEQUENCE_DIGITS = 4;

/**
 * `{agency e-ID}-{yyMMdd}-`: what precedes the agency's daily sequence in a dossier code. The sequence
 * itself comes from a database counter row and is appended, zero-padded to DOSSIER_SEQUENCE_DIGITS,
 * in the statement that files the dossier.
 */
export function dossierCodePrefix(agencyCode: string, receiptDate: LocalDate): string {
  return `${agencyCode}-${receiptDate.slice(2).replaceAll('-', '')}-`;
}

export const DOSSIER_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/;

/** The short verifier a citizen types with the code: the last four digits of the phone, else of the ID. */
export function verifierFor(phone: string | undefined, idNumber: string): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return (digits.length >= 4 ? digits : idNumber.replace(/\D/g, '')).slice(-4);
}
