import { readPdf } from '@motcua/testing';
import { renderSlipPdf } from './render-pdf';
import type { Slip } from './slip.model';
import { ALL_SLIPS, TITLES, apologySlip, controlSlip, receiptSlip, refusalSlip, registerSlip, supplementSlip } from './slips.test-helpers';

const A4: [number, number] = [595.28, 841.89];

describe('renderSlipPdf', () => {
  it.each(ALL_SLIPS.map((slip) => [slip.form, slip] as const))('%s: an A4 PDF with the Tinos font embedded', async (form, slip) => {
    const pdf = await renderSlipPdf(slip);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Bold/);
    // Only the embedded font: a standard PDF font would print Vietnamese letters as garbage.
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);

    const [first] = await readPdf(pdf);
    const size = form === 'BM.06' ? [A4[1], A4[0]] : A4;
    expect(first?.size[0]).toBeCloseTo(size[0]!, 1);
    expect(first?.size[1]).toBeCloseTo(size[1]!, 1);
    expect(first?.text).toContain(TITLES[form]);
    expect(first?.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    expect(first?.text).toContain('Nha Trang, ngày 07 tháng 02 năm 2025');
  });

  it('BM.01: the Vietnamese text is really in the PDF, on one page, with the QR code', async () => {
    const pdf = await renderSlipPdf(receiptSlip);
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]?.text;
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\nMã hồ sơ: 000.00.12.H56-250207-0001\n(Số vào sổ: 15/2025)',
      'Tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Hồng Thủy',
      `Người được ủy quyền: Ông/Bà Trần Văn Đăng <script>alert("x")</script> & 'quote'`,
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Tờ khai đăng ký khai sinh',
      'Căn cước của cha, mẹ',
      'Thời gian nhận hồ sơ: 17:00, ngày 07/02/2025',
      'Thời gian trả kết quả giải quyết hồ sơ: 16:30, ngày 10/02/2025',
      'Nhận kết quả tại: Bộ phận Một cửa phường Vĩnh Hải, 02 Phạm Văn Đồng',
      'Quét mã để tra cứu tình trạng hồ sơ\nMã tra cứu: 000.00.12.H56-250207-0001 – số xác thực: 4821',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Lê Khánh Hòa',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('BM.02 to BM.06: the names, reasons and times a reader looks for', async () => {
    // pdfmake draws a list's numbers after its items, so they are not looked for next to the text.
    const expectations: [Slip, string[]][] = [
      [supplementSlip, ['Ông/Bà Hồ Văn Thủy', 'Bản sao trích lục ghi chú ly hôn', 'Lý do: Tờ khai thiếu chữ ký của bên nữ']],
      [refusalSlip, ['Ông/Bà Phạm Thị Ngọc Ánh', 'Lý do từ chối: Bản chính bị tẩy xóa, sửa chữa nội dung']],
      [apologySlip, ['Kính gửi: Ông/Bà Đỗ Quốc Hưng', 'Thời gian nhận hồ sơ: 09:15, ngày 20/01/2025', 'Thời gian trả kết quả mới: 15:00, ngày 14/02/2025']],
      [controlSlip, ['Sớm hạn', 'Đúng hạn', 'Quá hạn', 'Hồng Thủy', 'Lê Khánh']],
      [registerSlip, ['(Từ ngày 01/02/2025 đến ngày 28/02/2025)', 'Đăng ký khai sinh', 'Hồng Thủy', 'Trực tiếp']],
    ];
    for (const [slip, strings] of expectations) {
      const [first] = await readPdf(await renderSlipPdf(slip));
      for (const expected of strings) expect(first?.text).toContain(expected);
    }
  });
});
