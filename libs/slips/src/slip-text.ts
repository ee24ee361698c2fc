import { formatVietnameseDateTime } from '@motcua/domain';
import type { ApologySlip, ControlSlip, ReceiptSlip, RefusalSlip, RegisterSlip, Slip, SlipHeader, SlipPerson, StepResult, SupplementSlip } from './slip.model';
import { formatIssueLine, formatPeriodBound } from './vietnamese-date';

/**
 * Everything a slip prints, as Vietnamese text arranged in titled blocks: the HTML and the PDF
 * renderers only lay this out, so both print the same words. A '\n' inside a text is a line break.
 */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export type Line = readonly TextRun[];

export interface TableColumn {
  readonly header: string;
  /** Share of the table width; the columns of a table add up to 100. */
  readonly widthPercent: number;
  readonly align: 'left' | 'center';
}

export type SlipBlock =
  | { readonly kind: 'line'; readonly runs: Line }
  | { readonly kind: 'numbered'; readonly items: readonly Line[] }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'qr'; readonly url: string; readonly caption: readonly Line[] };

export interface SignatureBlock {
  readonly title: string;
  readonly note: string;
  /** Printed under the space left for the signature; absent when the model does not name the signer. */
  readonly name?: string;
}

export interface SlipLayout {
  readonly orientation: 'portrait' | 'landscape';
  /** The browser tab / PDF document title. */
  readonly documentTitle: string;
  readonly header: {
    readonly parentAgency: string;
    readonly agency: string;
    readonly nation: string;
    readonly motto: string;
    readonly issueLine: string;
  };
  readonly title: string;
  readonly subtitle: readonly Line[];
  readonly body: readonly SlipBlock[];
  readonly signatures: readonly SignatureBlock[];
}

export interface PageSetup {
  readonly widthMm: number;
  readonly marginsMm: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly tableFontPt: number;
}

/**
 * A4 page geometry shared by both renderers. Decree 30/2020 margins: 30–35 mm left, 15–20 mm right,
 * 20–25 mm top and bottom; the landscape register is narrower and its many columns get a smaller font.
 */
export const PAGE_SETUP: Record<SlipLayout['orientation'], PageSetup> = {
  portrait: { widthMm: 210, marginsMm: { top: 20, right: 15, bottom: 20, left: 30 }, tableFontPt: 12 },
  landscape: { widthMm: 297, marginsMm: { top: 15, right: 15, bottom: 15, left: 20 }, tableFontPt: 11 },
};

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const SIGN_NOTE = '(Ký và ghi rõ họ tên)';
const RECEIVING_OFFICER = 'NGƯỜI TIẾP NHẬN HỒ SƠ';

const STEP_RESULT_TEXT: Record<StepResult, string> = {
  early: 'Sớm hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/** Lays a slip out as Vietnamese text; every string is NFC so that both renderers get precomposed letters. */
export function describeSlip(slip: Slip): SlipLayout {
  return normalizeStrings(layoutOf(slip));
}

function layoutOf(slip: Slip): SlipLayout {
  switch (slip.form) {
    case 'BM.01':
      return receipt(slip);
    case 'BM.02':
      return supplement(slip);
    case 'BM.03':
      return refusal(slip);
    case 'BM.04':
      return apology(slip);
    case 'BM.05':
      return control(slip);
    case 'BM.06':
      return register(slip);
  }
}

/** BM.01's note for a paper scanned at the counter. */
function digitisedNote(files = 0): string {
  if (files === 0) return '';
  return files === 1 ? 'Đã số hóa' : `Đã số hóa (${files} tệp)`;
}

/** 2026-01-05 → 05/01/2026 */
function formatLocalDateText(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function receipt(slip: ReceiptSlip): SlipLayout {
  const { applicant, proxy } = slip;
  return {
    ...common(slip.header, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', slip.dossierCode),
    subtitle: [dossierCodeLine(slip.dossierCode), [{ text: `(Số vào sổ: ${slip.registerNumber})`, italic: true }]],
    body: [
      field('Đơn vị tiếp nhận', slip.receivingUnit),
      field('Tiếp nhận hồ sơ của', `Ông/Bà ${applicant.fullName}`, true),
      ...personFields(applicant),
      ...(proxy ? [field('Người được ủy quyền', `Ông/Bà ${proxy.fullName}`, true), ...personFields(proxy), ...optionalField('Giấy ủy quyền', proxy.authorization)] : []),
      field('Nội dung yêu cầu giải quyết', slip.procedureName, true),
      line('Thành phần hồ sơ đã nhận:'),
      {
        kind: 'table',
        columns: [
          { header: 'STT', widthPercent: 7, align: 'center' },
          { header: 'Tên giấy tờ', widthPercent: 49, align: 'left' },
          { header: 'Bản chính', widthPercent: 14, align: 'center' },
          { header: 'Bản sao', widthPercent: 12, align: 'center' },
          { header: 'Ghi chú', widthPercent: 18, align: 'left' },
        ],
        rows: slip.documents.map((document, index) => [String(index + 1), document.name, String(document.originals), String(document.copies), digitisedNote(document.digitised)]),
      },
      field('Thời hạn giải quyết', slip.legalTimeText),
      field('Thời gian nhận hồ sơ', formatVietnameseDateTime(slip.receivedAt)),
      field('Thời gian trả kết quả giải quyết hồ sơ', formatVietnameseDateTime(slip.appointmentAt), true),
      field('Nhận kết quả tại', slip.collectAt),
      {
        kind: 'qr',
        url: slip.statusUrl,
        caption: [
          [{ text: 'Quét mã để tra cứu tình trạng hồ sơ', italic: true }],
          [{ text: 'Mã tra cứu: ' }, { text: slip.dossierCode, bold: true }, { text: ' – số xác thực: ' }, { text: slip.verifier, bold: true }],
        ],
      },
    ],
    // Whoever hands the dossier in signs: the proxy when there is one.
    signatures: [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: SIGN_NOTE, name: (proxy ?? applicant).fullName },
      { title: RECEIVING_OFFICER, note: SIGN_NOTE, name: slip.officerName },
    ],
  };
}

function supplement(slip: SupplementSlip): SlipLayout {
  const contact = slip.officerContact?.trim() ? `${slip.officerName} (${slip.officerContact.trim()})` : slip.officerName;
  return {
    ...common(slip.header, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', slip.dossierCode),
    subtitle: [dossierCodeLine(slip.dossierCode)],
    body: [
      field('Tiếp nhận hồ sơ của', `Ông/Bà ${slip.applicant.fullName}`, true),
      ...personFields(slip.applicant),
      field('Nội dung yêu cầu giải quyết', slip.procedureName, true),
      line('Nội dung yêu cầu bổ sung, hoàn thiện:', true),
      {
        kind: 'numbered',
        items: slip.items.map((item) => [{ text: item.what }, { text: `\nLý do: ${item.why}`, italic: true }]),
      },
      line(`Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với ${contact} để được hướng dẫn.`),
    ],
    signatures: [{ title: RECEIVING_OFFICER, note: SIGN_NOTE, name: slip.officerName }],
  };
}

function refusal(slip: RefusalSlip): SlipLayout {
  const agency = slip.header.agencyName;
  return {
    ...common(slip.header, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', slip.dossierCode),
    subtitle: [dossierCodeLine(slip.dossierCode)],
    body: [
      field('Tiếp nhận hồ sơ của', `Ông/Bà ${slip.applicant.fullName}`, true),
      ...personFields(slip.applicant),
      field('Nội dung yêu cầu giải quyết', slip.procedureName, true),
      line(`Qua xem xét, ${agency} không tiếp nhận, giải quyết hồ sơ này.`),
      field('Lý do từ chối', slip.reason, true),
      line(`${agency} xin lỗi ông/bà vì sự bất tiện này và xin thông báo để ông/bà được biết, thực hiện./.`),
    ],
    signatures: [{ title: RECEIVING_OFFICER, note: SIGN_NOTE, name: slip.officerName }],
  };
}

function apology(slip: ApologySlip): SlipLayout {
  const agency = slip.header.agencyName;
  return {
    ...common(slip.header, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', slip.dossierCode),
    subtitle: [dossierCodeLine(slip.dossierCode)],
    body: [
      field('Kính gửi', `Ông/Bà ${slip.applicant.fullName}`, true),
      ...personFields(slip.applicant),
      field('Nội dung yêu cầu giải quyết', slip.procedureName, true),
      field('Thời gian nhận hồ sơ', formatVietnameseDateTime(slip.receivedAt)),
      field('Thời gian hẹn trả kết quả', formatVietnameseDateTime(slip.originalAppointmentAt)),
      field('Lý do chậm trả kết quả', slip.reason),
      line(`Sự chậm trễ này đã gây phiền hà cho ông/bà. ${agency} trân trọng xin lỗi ông/bà ` + 'và hẹn lại thời gian trả kết quả giải quyết hồ sơ như sau:'),
      field('Thời gian trả kết quả mới', formatVietnameseDateTime(slip.newAppointmentAt), true),
      line('Xin trân trọng cảm ơn!'),
    ],
    // The model names no signer for BM.04: the head of the agency signs and seals by hand.
    signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', note: '(Ký, ghi rõ họ tên và đóng dấu)' }],
  };
}

function control(slip: ControlSlip): SlipLayout {
  return {
    ...common(slip.header, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', slip.dossierCode),
    subtitle: [dossierCodeLine(slip.dossierCode)],
    body: [
      field('Nội dung yêu cầu giải quyết', slip.procedureName, true),
      field('Thời gian nhận hồ sơ', formatVietnameseDateTime(slip.receivedAt)),
      field('Thời gian hẹn trả kết quả', formatVietnameseDateTime(slip.appointmentAt), true),
      {
        kind: 'table',
        columns: [
          { header: 'Tên cơ quan/bước', widthPercent: 20, align: 'left' },
          { header: 'Thời gian giao, nhận hồ sơ', widthPercent: 17, align: 'center' },
          { header: 'Bên giao', widthPercent: 15, align: 'left' },
          { header: 'Bên nhận', widthPercent: 15, align: 'left' },
          { header: 'Kết quả giải quyết (Sớm hạn / Đúng hạn / Quá hạn)', widthPercent: 14, align: 'center' },
          { header: 'Ghi chú', widthPercent: 19, align: 'left' },
        ],
        rows: slip.rows.map((row) => [
          row.step,
          formatVietnameseDateTime(row.handedAt),
          row.giver,
          row.receiver,
          row.result ? STEP_RESULT_TEXT[row.result] : '',
          [row.dueAt ? `Hạn: ${formatVietnameseDateTime(row.dueAt)}` : '', row.note ?? ''].filter(Boolean).join('\n'),
        ]),
      },
      ...(slip.result
        ? [field('Kết quả giải quyết', `Văn bản số ${slip.result.number}, ngày ${formatLocalDateText(slip.result.date)}${slip.result.signed ? ' (bản điện tử, đã ký số)' : ''}`, true)]
        : []),
    ],
    // Each hand-off is signed in its row by hand; the form has no closing signature.
    signatures: [],
  };
}

function register(slip: RegisterSlip): SlipLayout {
  const period = `Từ ngày ${formatPeriodBound(slip.from)} đến ngày ${formatPeriodBound(slip.to)}`;
  return {
    ...common(slip.header, 'SỔ THEO DÕI HỒ SƠ', period),
    orientation: 'landscape',
    subtitle: [[{ text: `(${period})`, italic: true }]],
    body: [
      {
        kind: 'table',
        columns: [
          // Wide enough for a whole dossier code: line breaking never splits after a hyphen before digits.
          { header: 'STT', widthPercent: 5, align: 'center' },
          { header: 'Mã hồ sơ', widthPercent: 19, align: 'left' },
          { header: 'Tên TTHC', widthPercent: 14, align: 'left' },
          { header: 'Tên tổ chức, cá nhân', widthPercent: 11, align: 'left' },
          { header: 'Cơ quan chủ trì giải quyết', widthPercent: 11, align: 'left' },
          { header: 'Nhận hồ sơ', widthPercent: 9.5, align: 'center' },
          { header: 'Hẹn trả', widthPercent: 9.5, align: 'center' },
          { header: 'Trả kết quả', widthPercent: 9.5, align: 'center' },
          { header: 'Ký nhận / cách thức nhận', widthPercent: 11.5, align: 'left' },
        ],
        rows: slip.rows.map((row, index) => [
          String(index + 1),
          row.dossierCode,
          row.procedureName,
          row.applicantName,
          row.leadAgencyName,
          formatVietnameseDateTime(row.receivedAt),
          formatVietnameseDateTime(row.appointmentAt),
          row.returnedAt ? formatVietnameseDateTime(row.returnedAt) : '',
          row.collectedBy ?? '',
        ]),
      },
    ],
    signatures: [],
  };
}

function common(header: SlipHeader, title: string, reference: string) {
  return {
    orientation: 'portrait' as const,
    documentTitle: `${title} – ${reference}`,
    header: {
      parentAgency: header.parentAgencyName.toLocaleUpperCase('vi'),
      agency: header.agencyName.toLocaleUpperCase('vi'),
      nation: NATION,
      motto: MOTTO,
      issueLine: formatIssueLine(header.place, header.issuedAt),
    },
    title,
  };
}

function dossierCodeLine(dossierCode: string): Line {
  return [{ text: 'Mã hồ sơ: ' }, { text: dossierCode, bold: true }];
}

function line(text: string, bold = false): SlipBlock {
  return { kind: 'line', runs: [{ text, bold }] };
}

function field(label: string, value: string, boldValue = false): SlipBlock {
  return { kind: 'line', runs: [{ text: `${label}: ` }, { text: value, bold: boldValue }] };
}

/** A field the model may leave out: absent or blank values print nothing rather than an empty label. */
function optionalField(label: string, value: string | undefined): SlipBlock[] {
  return value?.trim() ? [field(label, value)] : [];
}

function personFields(person: SlipPerson): SlipBlock[] {
  // Phone and email share a line, as on the paper form, to keep BM.01 on one page.
  const contact = [person.phone?.trim() ? `Số điện thoại: ${person.phone.trim()}` : '', person.email?.trim() ? `Email: ${person.email.trim()}` : ''].filter(Boolean);
  return [...optionalField('Số định danh/CCCD', person.idNumber), ...optionalField('Địa chỉ', person.address), ...(contact.length > 0 ? [line(contact.join(' – '))] : [])];
}

function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeStrings(item)])) as T;
  }
  return value;
}
