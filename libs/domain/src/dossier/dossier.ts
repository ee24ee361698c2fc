import type { Timeliness } from '../calendar';
import type { Channel, Duration, SupplementMode } from '../catalog';
import type { DossierStatus } from './dossier-status';

export interface Address {
  /** House number, street, hamlet. */
  line: string;
  /** GSO commune code, pre- or post-reform. */
  communeCode: string;
}

/** người nộp hồ sơ: a person (12-digit citizen ID) or an organisation (tax code). */
export interface Applicant {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  dateOfBirth?: string;
  /** A person's, as the citizen ID encodes it: checked against it when given. */
  sex?: 'male' | 'female';
  phone?: string;
  email?: string;
  address: Address;
}

/** người được ủy quyền */
export interface Proxy {
  fullName: string;
  idNumber: string;
  authorization: string;
}

/** A paper handed over, against the procedure's list. */
export interface ReceivedDocument {
  key: string;
  name: string;
  originals: number;
  copies: number;
}

export interface SupplementItem {
  /** The procedure's document key, when the item is one of its papers. */
  documentKey?: string;
  what: string;
  why: string;
}

export interface PauseRecord {
  kind: 'supplement' | 'payment';
  from: string;
  to: string | null;
}

/** A dossier as stored. Instants are Dates; `legalTime` is pinned at receipt. */
export interface Dossier {
  id: string;
  code: string;
  status: DossierStatus;
  channel: Channel;
  procedureCode: string;
  variantKey: string | null;
  procedureName: string;
  procedureField: string;
  workflowVersion: number | null;
  /** Whose workflow the version is: the variant's own, or null for the procedure's. */
  workflowVariant: string | null;
  legalTime: Duration;
  supplementMode: SupplementMode;
  receivingAgencyId: string;
  receivingUnitPath: string;
  provinceCode: string;
  districtCode: string | null;
  communeCode: string | null;
  applicant: Applicant;
  proxy: Proxy | null;
  documents: ReceivedDocument[];
  notes: string | null;
  verifier: string;
  submittedAt: Date;
  receivedAt: Date | null;
  countingStart: Date | null;
  dueAt: Date | null;
  originalDueAt: Date | null;
  pauses: PauseRecord[];
  supplementRequest: SupplementItem[] | null;
  refusalReason: string | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  returnMethod: Channel | null;
  closedAt: Date | null;
  /** End of processing (RESOLVED, or STOPPED after acceptance), and its result against the appointment. */
  finishedAt: Date | null;
  timeliness: Timeliness | null;
  createdBy: string | null;
  /** Step key → the agency that performs it, resolved at receipt. */
  routes: Record<string, string> | null;
  /** The one apology (BM.04) with its new return date, if the agency issued it. */
  apology: Apology | null;
  version: number;
  updatedAt: Date;
}

export interface Apology {
  reason: string;
  newDueAt: string;
  issuedAt: string;
  issuedBy: string;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  note: string | null;
  details: Record<string, unknown> | null;
}
