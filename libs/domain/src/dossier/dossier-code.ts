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

/**
 * The verifier a citizen types with the code, printed on the receipt: six random digits (the code is
 * sequential and the phone's last digits are known to many). Receipts issued before had four digits.
 */
export const VERIFIER_DIGITS = 6;
export const VERIFIER_PATTERN = /^(\d{4}|\d{6})$/;

/** A verifier from a uniformly random integer below 10^VERIFIER_DIGITS. */
export function formatVerifier(random: number): string {
  return String(random).padStart(VERIFIER_DIGITS, '0');
}
