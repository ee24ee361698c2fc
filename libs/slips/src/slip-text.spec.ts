import type { Line, SlipBlock, SlipLayout } from './slip-text';
import { describeSlip } from './slip-text';
import { ALL_SLIPS, TITLES, receiptSlip, supplementSlip } from './slips.test-helpers';

const lineText = (line: Line): string => line.map((run) => run.text).join('');
const blockLines = (layout: SlipLayout): string[] => layout.body.flatMap((block: SlipBlock) => (block.kind === 'line' ? [lineText(block.runs)] : []));

describe('describeSlip', () => {
  it.each(ALL_SLIPS.map((slip) => [slip.form, slip] as const))('%s: titles the slip and heads it like an administrative document', (form, slip) => {
    const layout = describeSlip(slip);
    expect(layout.title).toBe(TITLES[form]);
    expect(layout.header).toEqual({
      parentAgency: 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
      agency: 'ỦY BAN NHÂN DÂN PHƯỜNG VĨNH HẢI',
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      issueLine: 'Nha Trang, ngày 07 tháng 02 năm 2025',
    });
    expect(layout.orientation).toBe(form === 'BM.06' ? 'landscape' : 'portrait');
    for (const block of layout.body) {
      if (block.kind === 'table') {
        expect(block.columns.reduce((sum, column) => sum + column.widthPercent, 0)).toBeCloseTo(100);
        for (const row of block.rows) expect(row).toHaveLength(block.columns.length);
      }
    }
  });

  it('has whoever handed the dossier in sign BM.01: the proxy when there is one', () => {
    expect(describeSlip(receiptSlip).signatures.map((signature) => signature.name)).toEqual([receiptSlip.proxy?.fullName, 'Lê Khánh Hòa']);
    const { proxy: _proxy, ...withoutProxy } = receiptSlip;
    const layout = describeSlip(withoutProxy);
    expect(layout.signatures[0]?.name).toBe('Nguyễn Thị Hồng Thủy');
    expect(blockLines(layout).some((line) => line.startsWith('Người được ủy quyền'))).toBe(false);
  });

  it('prints no label for a personal detail the model leaves out', () => {
    const lines = blockLines(describeSlip(supplementSlip));
    expect(lines).toContain('Địa chỉ: Khánh Hòa');
    expect(lines.filter((line) => /^(Số định danh|Số điện thoại|Email)/.test(line))).toEqual([]);
    expect(blockLines(describeSlip(receiptSlip))).toContain('Số điện thoại: 0905 123 456 – Email: thuy.nguyen@example.vn');
  });

  it('hands the renderers precomposed (NFC) Vietnamese, whatever the input', () => {
    const decomposed = 'Nguyễn Thị Hồng Thủy'.normalize('NFD');
    const layout = describeSlip({ ...receiptSlip, applicant: { fullName: decomposed } });
    expect(blockLines(layout)).toContain('Tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Hồng Thủy'.normalize('NFC'));
    expect(JSON.stringify(layout)).not.toContain(decomposed);
  });
});
