import QRCode from 'qrcode';
import { QR_CODE_OPTIONS } from './qr-code';
import { renderSlipHtml } from './render-html';
import { ALL_SLIPS, HOSTILE, TITLES, apologySlip, controlSlip, receiptSlip, refusalSlip, registerSlip, supplementSlip } from './slips.test-helpers';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** What a reader sees: one line per paragraph, list item or table row; table cells separated by ' | '. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<\/t[dh]>\s*(?=<t[dh])/g, ' | ')
    .replace(/<br>|<\/(p|li|tr|h1|div)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

describe('renderSlipHtml', () => {
  it.each(ALL_SLIPS.map((slip) => [slip.form, slip] as const))('%s: a self-contained printable A4 page', async (form, slip) => {
    const html = await renderSlipHtml(slip);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(form === 'BM.06' ? '@page { size: A4 landscape;' : '@page { size: A4;');
    // No external resource: no link, script, import or url(), and every src is a data: URL.
    expect(html).not.toMatch(/<link|<script|@import|url\(/i);
    expect(html.match(/\s(src|href)="(?!data:)/g)).toBeNull();

    const text = visibleText(html);
    expect(text).toContain(TITLES[form]);
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA\nỦY BAN NHÂN DÂN PHƯỜNG VĨNH HẢI');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNha Trang, ngày 07 tháng 02 năm 2025');
  });

  it.each(ALL_SLIPS.map((slip) => [slip.form, slip] as const))('%s: escapes hostile text, which reads back as typed', async (_form, slip) => {
    const html = await renderSlipHtml(slip);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(`'quote'`);
    if (slip.form !== 'BM.04') expect(visibleText(html)).toContain(HOSTILE);
  });

  it('BM.01: applicant, proxy, documents, times in Vietnam and where to collect', async () => {
    const text = visibleText(await renderSlipHtml(receiptSlip));
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\nMã hồ sơ: 000.00.12.H56-250207-0001\n(Số vào sổ: 15/2025)');
    for (const expected of [
      'Đơn vị tiếp nhận: Bộ phận Một cửa phường Vĩnh Hải',
      'Tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Hồng Thủy',
      'Số định danh/CCCD: 056190001234',
      'Địa chỉ: 12 Hồ Tùng Mậu, phường Vĩnh Hải, thành phố Nha Trang, tỉnh Khánh Hòa',
      'Số điện thoại: 0905 123 456 – Email: thuy.nguyen@example.vn',
      `Người được ủy quyền: Ông/Bà Trần Văn Đăng ${HOSTILE}`,
      'Giấy ủy quyền: Giấy ủy quyền số 12/UQ ngày 05/02/2025',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'STT | Tên giấy tờ | Bản chính | Bản sao | Ghi chú',
      '1 | Tờ khai đăng ký khai sinh | 1 | 0 |',
      '3 | Căn cước của cha, mẹ | 0 | 2 |',
      'Thời hạn giải quyết: 01 ngày làm việc',
      'Thời gian nhận hồ sơ: 17:00, ngày 07/02/2025',
      'Thời gian trả kết quả giải quyết hồ sơ: 16:30, ngày 10/02/2025',
      'Nhận kết quả tại: Bộ phận Một cửa phường Vĩnh Hải, 02 Phạm Văn Đồng',
      'Quét mã để tra cứu tình trạng hồ sơ\nMã tra cứu: 000.00.12.H56-250207-0001 – số xác thực: 4821',
      'NGƯỜI NỘP HỒ SƠ\n(Ký và ghi rõ họ tên)',
      'NGƯỜI TIẾP NHẬN HỒ SƠ\n(Ký và ghi rõ họ tên)\nLê Khánh Hòa',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('BM.01: the QR code is an inline PNG of the status URL', async () => {
    const html = await renderSlipHtml(receiptSlip);
    const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(images[0]).toBe(await QRCode.toDataURL(receiptSlip.statusUrl, QR_CODE_OPTIONS));
    expect(images[0]).not.toBe(await QRCode.toDataURL(`${receiptSlip.statusUrl}x`, QR_CODE_OPTIONS));
  });

  it('BM.02: numbered items to supply with their reasons, and whom to ask', async () => {
    const html = await renderSlipHtml(supplementSlip);
    expect(html).toMatch(/<ol>\n<li>[^\n]*<\/li>\n<li>[^\n]*<\/li>\n<\/ol>/);
    const text = visibleText(html);
    expect(text).toContain('Tiếp nhận hồ sơ của: Ông/Bà Hồ Văn Thủy');
    expect(text).toContain(
      'Nội dung yêu cầu bổ sung, hoàn thiện:\nBản sao trích lục ghi chú ly hôn\nLý do: Hồ sơ ghi đã ly hôn nhưng chưa có giấy tờ chứng minh\n' +
        `Tờ khai có chữ ký của hai bên ${HOSTILE}\nLý do: Tờ khai thiếu chữ ký của bên nữ`,
    );
    expect(text).toContain('Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với Lê Khánh Hòa (số điện thoại 0258 3831 234) để được hướng dẫn.');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ\n(Ký và ghi rõ họ tên)\nLê Khánh Hòa');
  });

  it('BM.03: the specific reason and an apology', async () => {
    const text = visibleText(await renderSlipHtml(refusalSlip));
    expect(text).toContain('Tiếp nhận hồ sơ của: Ông/Bà Phạm Thị Ngọc Ánh');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính');
    expect(text).toContain(`Lý do từ chối: Bản chính bị tẩy xóa, sửa chữa nội dung ${HOSTILE}`);
    expect(text).toContain('Ủy ban nhân dân phường Vĩnh Hải xin lỗi ông/bà vì sự bất tiện này');
  });

  it('BM.04: received at, the first appointment, the reason for the delay and the new date', async () => {
    const text = visibleText(await renderSlipHtml(apologySlip));
    for (const expected of [
      'Kính gửi: Ông/Bà Đỗ Quốc Hưng',
      'Nội dung yêu cầu giải quyết: Cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Thời gian nhận hồ sơ: 09:15, ngày 20/01/2025',
      'Thời gian hẹn trả kết quả: 17:00, ngày 07/02/2025',
      'Lý do chậm trả kết quả: Phải lấy ý kiến của Sở Xây dựng về chỉ giới xây dựng',
      'Ủy ban nhân dân phường Vĩnh Hải trân trọng xin lỗi ông/bà',
      'Thời gian trả kết quả mới: 15:00, ngày 14/02/2025',
      'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ\n(Ký, ghi rõ họ tên và đóng dấu)',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('BM.05: one row per hand-off with its time, parties and result', async () => {
    const text = visibleText(await renderSlipHtml(controlSlip));
    for (const expected of [
      'Thời gian nhận hồ sơ: 08:30, ngày 07/02/2025',
      'Tên cơ quan/bước | Thời gian giao, nhận hồ sơ | Bên giao | Bên nhận | Kết quả giải quyết (Sớm hạn / Đúng hạn / Quá hạn) | Ghi chú',
      'Bộ phận Một cửa: tiếp nhận | 08:30, ngày 07/02/2025 | Nguyễn Thị Hồng Thủy | Lê Khánh Hòa | Sớm hạn |',
      'Công chức tư pháp - hộ tịch: thẩm định | 10:00, ngày 07/02/2025 | Lê Khánh Hòa | Vũ Thị Hương | Đúng hạn | Hạn: 17:00, ngày 07/02/2025',
      `Lãnh đạo UBND phường: ký duyệt | 14:00, ngày 10/02/2025 | Vũ Thị Hương | Chủ tịch UBND phường | Quá hạn | Trình ký muộn ${HOSTILE}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('BM.06: the register for a period, one row per dossier', async () => {
    const text = visibleText(await renderSlipHtml(registerSlip));
    for (const expected of [
      'SỔ THEO DÕI HỒ SƠ\n(Từ ngày 01/02/2025 đến ngày 28/02/2025)',
      'STT | Mã hồ sơ | Tên TTHC | Tên tổ chức, cá nhân | Cơ quan chủ trì giải quyết | Nhận hồ sơ | Hẹn trả | Trả kết quả | Ký nhận / cách thức nhận',
      '1 | 000.00.12.H56-250207-0001 | Đăng ký khai sinh | Nguyễn Thị Hồng Thủy | UBND phường Vĩnh Hải | 17:00, ngày 07/02/2025 | 16:30, ngày 10/02/2025 | 15:00, ngày 10/02/2025 | Trực tiếp',
      `2 | 000.00.12.H56-250207-0002 | Đăng ký kết hôn | Hồ Văn Thủy ${HOSTILE} | UBND phường Vĩnh Hải | 10:00, ngày 07/02/2025 | 16:00, ngày 12/02/2025 | |`,
    ]) {
      expect(text).toContain(expected);
    }
  });
});
