/**
 * What each printable slip shows, already resolved to text and instants: the renderers only lay it
 * out. Forms follow DOMAIN.md ("Slips"). Instants are printed as 'HH:mm, ngày dd/MM/yyyy' in
 * Asia/Ho_Chi_Minh (formatVietnameseDateTime from @motcua/domain).
 */
export type SlipForm = 'BM.01' | 'BM.02' | 'BM.03' | 'BM.04' | 'BM.05' | 'BM.06';

export interface SlipHeader {
  /** e.g. 'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA' (the agency's parent, upper case), may be empty. */
  parentAgencyName: string;
  /** e.g. 'Ủy ban nhân dân phường Vĩnh Hải'. */
  agencyName: string;
  /** Where the slip is issued, e.g. 'Nha Trang' (the place name before the date line). */
  place: string;
  issuedAt: Date;
}

export interface SlipPerson {
  fullName: string;
  /** Citizen ID or tax code; printed in full on officer slips. */
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

export interface SlipDocumentLine {
  name: string;
  originals: number;
  copies: number;
  /** Files scanned for this paper at the counter (current versions). */
  digitised?: number;
}

/** BM.01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả */
export interface ReceiptSlip {
  form: 'BM.01';
  header: SlipHeader;
  dossierCode: string;
  registerNumber: string;
  receivingUnit: string;
  applicant: SlipPerson;
  proxy?: SlipPerson & { authorization?: string };
  procedureName: string;
  documents: SlipDocumentLine[];
  /** e.g. '10 ngày làm việc' */
  legalTimeText: string;
  receivedAt: Date;
  appointmentAt: Date;
  /** Where to collect the result. */
  collectAt: string;
  officerName: string;
  /** The public status page this dossier's QR code opens. */
  statusUrl: string;
  /** The 4 digits the citizen types with the code to look the dossier up. */
  verifier: string;
}

/** BM.02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ */
export interface SupplementSlip {
  form: 'BM.02';
  header: SlipHeader;
  dossierCode: string;
  applicant: SlipPerson;
  procedureName: string;
  items: { what: string; why: string }[];
  officerName: string;
  officerContact?: string;
}

/** BM.03 Phiếu từ chối tiếp nhận giải quyết hồ sơ */
export interface RefusalSlip {
  form: 'BM.03';
  header: SlipHeader;
  dossierCode: string;
  applicant: SlipPerson;
  procedureName: string;
  reason: string;
  officerName: string;
}

/** BM.04 Phiếu xin lỗi và hẹn lại ngày trả kết quả */
export interface ApologySlip {
  form: 'BM.04';
  header: SlipHeader;
  dossierCode: string;
  applicant: SlipPerson;
  procedureName: string;
  receivedAt: Date;
  originalAppointmentAt: Date;
  reason: string;
  newAppointmentAt: Date;
}

export type StepResult = 'early' | 'on_time' | 'late';

/** BM.05 Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-off. */
export interface ControlSlip {
  form: 'BM.05';
  header: SlipHeader;
  dossierCode: string;
  procedureName: string;
  receivedAt: Date;
  appointmentAt: Date;
  rows: { step: string; giver: string; receiver: string; handedAt: Date; dueAt?: Date; result?: StepResult; note?: string }[];
  /** The electronic result, once attached: its number, date (YYYY-MM-DD) and whether the system signed it. */
  result?: { number: string; date: string; signed: boolean };
}

/** BM.06 Sổ theo dõi hồ sơ */
export interface RegisterSlip {
  form: 'BM.06';
  header: SlipHeader;
  from: string;
  to: string;
  rows: {
    dossierCode: string;
    procedureName: string;
    applicantName: string;
    leadAgencyName: string;
    receivedAt: Date;
    appointmentAt: Date;
    returnedAt?: Date;
    collectedBy?: string;
  }[];
}

export type Slip = ReceiptSlip | SupplementSlip | RefusalSlip | ApologySlip | ControlSlip | RegisterSlip;
