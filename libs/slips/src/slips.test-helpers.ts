import type { ApologySlip, ControlSlip, ReceiptSlip, RefusalSlip, RegisterSlip, Slip, SlipHeader, SupplementSlip } from './slip.model';

/** Text a hostile user could type into a name or a reason. */
export const HOSTILE = `<script>alert("x")</script> & 'quote'`;

export const header: SlipHeader = {
  parentAgencyName: 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
  agencyName: 'Ủy ban nhân dân phường Vĩnh Hải',
  place: 'Nha Trang',
  issuedAt: new Date('2025-02-07T10:00:00Z'),
};

export const receiptSlip: ReceiptSlip = {
  form: 'BM.01',
  header,
  dossierCode: '000.00.12.H56-250207-0001',
  registerNumber: '15/2025',
  receivingUnit: 'Bộ phận Một cửa phường Vĩnh Hải',
  applicant: {
    fullName: 'Nguyễn Thị Hồng Thủy',
    idNumber: '056190001234',
    address: '12 Hồ Tùng Mậu, phường Vĩnh Hải, thành phố Nha Trang, tỉnh Khánh Hòa',
    phone: '0905 123 456',
    email: 'thuy.nguyen@example.vn',
  },
  proxy: {
    fullName: `Trần Văn Đăng ${HOSTILE}`,
    idNumber: '056090004321',
    authorization: 'Giấy ủy quyền số 12/UQ ngày 05/02/2025',
  },
  procedureName: 'Đăng ký khai sinh',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
    { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
    { name: 'Căn cước của cha, mẹ', originals: 0, copies: 2 },
  ],
  legalTimeText: '01 ngày làm việc',
  receivedAt: new Date('2025-02-07T10:00:00Z'),
  appointmentAt: new Date('2025-02-10T09:30:00Z'),
  collectAt: 'Bộ phận Một cửa phường Vĩnh Hải, 02 Phạm Văn Đồng',
  officerName: 'Lê Khánh Hòa',
  statusUrl: 'https://dichvucong.khanhhoa.gov.vn/tra-cuu?ma=000.00.12.H56-250207-0001&v=4821',
  verifier: '4821',
};

export const supplementSlip: SupplementSlip = {
  form: 'BM.02',
  header,
  dossierCode: '000.00.12.H56-250207-0002',
  applicant: { fullName: 'Hồ Văn Thủy', address: 'Khánh Hòa' },
  procedureName: 'Đăng ký kết hôn',
  items: [
    { what: 'Bản sao trích lục ghi chú ly hôn', why: 'Hồ sơ ghi đã ly hôn nhưng chưa có giấy tờ chứng minh' },
    { what: `Tờ khai có chữ ký của hai bên ${HOSTILE}`, why: 'Tờ khai thiếu chữ ký của bên nữ' },
  ],
  officerName: 'Lê Khánh Hòa',
  officerContact: 'số điện thoại 0258 3831 234',
};

export const refusalSlip: RefusalSlip = {
  form: 'BM.03',
  header,
  dossierCode: '000.00.12.H56-250207-0003',
  applicant: { fullName: 'Phạm Thị Ngọc Ánh' },
  procedureName: 'Chứng thực bản sao từ bản chính',
  reason: `Bản chính bị tẩy xóa, sửa chữa nội dung ${HOSTILE}`,
  officerName: 'Lê Khánh Hòa',
};

export const apologySlip: ApologySlip = {
  form: 'BM.04',
  header,
  dossierCode: '000.00.12.H56-250120-0007',
  applicant: { fullName: 'Đỗ Quốc Hưng' },
  procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  receivedAt: new Date('2025-01-20T02:15:00Z'),
  originalAppointmentAt: new Date('2025-02-07T10:00:00Z'),
  reason: 'Phải lấy ý kiến của Sở Xây dựng về chỉ giới xây dựng',
  newAppointmentAt: new Date('2025-02-14T08:00:00Z'),
};

export const controlSlip: ControlSlip = {
  form: 'BM.05',
  header,
  dossierCode: '000.00.12.H56-250207-0001',
  procedureName: 'Đăng ký khai sinh',
  receivedAt: new Date('2025-02-07T01:30:00Z'),
  appointmentAt: new Date('2025-02-10T09:30:00Z'),
  rows: [
    {
      step: 'Bộ phận Một cửa: tiếp nhận',
      giver: 'Nguyễn Thị Hồng Thủy',
      receiver: 'Lê Khánh Hòa',
      handedAt: new Date('2025-02-07T01:30:00Z'),
      result: 'early',
    },
    {
      step: 'Công chức tư pháp - hộ tịch: thẩm định',
      giver: 'Lê Khánh Hòa',
      receiver: 'Vũ Thị Hương',
      handedAt: new Date('2025-02-07T03:00:00Z'),
      dueAt: new Date('2025-02-07T10:00:00Z'),
      result: 'on_time',
    },
    {
      step: 'Lãnh đạo UBND phường: ký duyệt',
      giver: 'Vũ Thị Hương',
      receiver: 'Chủ tịch UBND phường',
      handedAt: new Date('2025-02-10T07:00:00Z'),
      result: 'late',
      note: `Trình ký muộn ${HOSTILE}`,
    },
  ],
};

export const registerSlip: RegisterSlip = {
  form: 'BM.06',
  header,
  from: '2025-02-01',
  to: '2025-02-28',
  rows: [
    {
      dossierCode: '000.00.12.H56-250207-0001',
      procedureName: 'Đăng ký khai sinh',
      applicantName: 'Nguyễn Thị Hồng Thủy',
      leadAgencyName: 'UBND phường Vĩnh Hải',
      receivedAt: new Date('2025-02-07T10:00:00Z'),
      appointmentAt: new Date('2025-02-10T09:30:00Z'),
      returnedAt: new Date('2025-02-10T08:00:00Z'),
      collectedBy: 'Trực tiếp',
    },
    {
      dossierCode: '000.00.12.H56-250207-0002',
      procedureName: 'Đăng ký kết hôn',
      applicantName: `Hồ Văn Thủy ${HOSTILE}`,
      leadAgencyName: 'UBND phường Vĩnh Hải',
      receivedAt: new Date('2025-02-07T03:00:00Z'),
      appointmentAt: new Date('2025-02-12T09:00:00Z'),
    },
  ],
};

export const ALL_SLIPS: readonly Slip[] = [receiptSlip, supplementSlip, refusalSlip, apologySlip, controlSlip, registerSlip];

export const TITLES: Record<Slip['form'], string> = {
  'BM.01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  'BM.02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  'BM.03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  'BM.04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  'BM.05': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  'BM.06': 'SỔ THEO DÕI HỒ SƠ',
};
