import { DOSSIER_CODE_PATTERN, dossierCodePrefix, formatVerifier, VERIFIER_PATTERN } from './dossier-code';

describe('dossier code', () => {
  it('is the agency e-ID, the receipt date as yyMMdd and a daily sequence of at least four digits', () => {
    expect(dossierCodePrefix('000.00.12.H56', '2025-05-12')).toBe('000.00.12.H56-250512-');
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H56-250512-0001')).toBe(true);
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H56-250512-12345')).toBe(true);
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H56-250512-001')).toBe(false);
  });

  it('prints six-digit verifiers, and still takes the four digits of older receipts', () => {
    expect([formatVerifier(0), formatVerifier(42), formatVerifier(999_999)]).toEqual(['000000', '000042', '999999']);
    expect(['1234', '003456'].map((verifier) => VERIFIER_PATTERN.test(verifier))).toEqual([true, true]);
    expect(['12345', '1234567', '12a456', ''].map((verifier) => VERIFIER_PATTERN.test(verifier))).toEqual([false, false, false, false]);
  });
});
