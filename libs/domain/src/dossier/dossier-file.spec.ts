import { sanitiseFileName } from './dossier-file';

describe('a file name from a client', () => {
  it.each([
    ['Giấy chứng nhận.pdf', 'Giấy chứng nhận.pdf'],
    ['C:\\Users\\cb\\scan 01.jpg', 'scan 01.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\u001fc.pdf', 'abc.pdf'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'],
    ['  .hidden.pdf ', 'hidden.pdf'],
    ['/', 'tep-dinh-kem'],
    ['Gia\u0301y.pdf', 'Giáy.pdf'],
  ])('%j becomes %j', (given, shown) => expect(sanitiseFileName(given)).toBe(shown));

  it('keeps the extension of a long name', () => {
    const shown = sanitiseFileName(`${'x'.repeat(300)}.pdf`);
    expect(shown).toHaveLength(200);
    expect(shown.endsWith('.pdf')).toBe(true);
  });
});
