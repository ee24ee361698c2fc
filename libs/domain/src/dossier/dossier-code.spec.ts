import { DOSSIER_CODE_PATTERN, dossierCodePrefix, verifierFor } from './dossier-code';

describe('dossier code', () => {
  it('is the agency e-ID, the receipt date as yyMMdd and a daily sequence of at least four digits', () => {
    expect(dossierCodePrefix('000.00.12.H56', '2025-05-12')).toBe('000.00.12.H56-250512-');
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H56-250512-0001')).toBe(true);
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H56-250512-12345')).toBe(true);
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H56-250512-001')).toBe(false);
  });

  it('takes the verifier from the phone, or the ID number without one', () => {
    expect(verifierFor('0905 123 456', '079085001234')).toBe('3456');
    expect(verifierFor(undefined, '079085001234')).toBe('1234');
  });
});
