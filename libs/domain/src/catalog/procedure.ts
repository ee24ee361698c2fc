import type { AgencyKind } from '../auth';
import type { DeadlineUnit } from '../calendar';
import type { FieldProblem } from '../errors';

export type ProcedureLevel = 'province' | 'district' | 'commune';
/** Dịch vụ công trực tuyến: toàn trình (full), một phần (partial), or none. */
export type OnlineLevel = 'full' | 'partial' | 'none';
/** What happens to the legal time when a supplemented dossier is complete again; default restart. */
export type SupplementMode = 'restart' | 'resume';
export type Channel = 'counter' | 'online' | 'post';

export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;

export interface Duration {
  amount: number;
  unit: DeadlineUnit;
}

/** A paper the citizen hands over (thành phần hồ sơ). */
export interface RequiredDocument {
  /** Stable key the intake refers to, e.g. 'to-khai'. */
  key: string;
  name: string;
  /** Form template name (mẫu đơn, tờ khai), if any. */
  template?: string;
  originals: number;
  copies: number;
  mandatory: boolean;
}

export interface Fee {
  name: string;
  /** Integer đồng. */
  amount: number;
}

/** trường hợp: a case of the procedure with its own papers and time. */
export interface ProcedureVariant {
  key: string;
  name: string;
  documents?: RequiredDocument[];
  legalTime?: Duration;
}

/** thủ tục hành chính */
export interface ProcedureDefinition {
  code: string;
  name: string;
  /** lĩnh vực */
  field: string;
  level: ProcedureLevel;
  legalTime: Duration;
  /** Where a channel's legal time differs (often shorter online). */
  channelTimes?: Partial<Record<Channel, Duration>>;
  documents: RequiredDocument[];
  fees: Fee[];
  onlineLevel: OnlineLevel;
  leadAgencyKind: AgencyKind;
  coordinatingAgencyKinds: AgencyKind[];
  supplementMode: SupplementMode;
  variants: ProcedureVariant[];
}

/** The papers and legal time that apply to one variant (or the procedure itself) on one channel. */
export function resolveVariant(procedure: ProcedureDefinition, variantKey: string | null, channel: Channel): { documents: RequiredDocument[]; legalTime: Duration } {
  const variant = variantKey === null ? undefined : procedure.variants.find((candidate) => candidate.key === variantKey);
  return {
    documents: variant?.documents ?? procedure.documents,
    legalTime: variant?.legalTime ?? procedure.channelTimes?.[channel] ?? procedure.legalTime,
  };
}

/** What the field types can't say: keys unique, variants consistent. Structure is checked at the edge. */
export function validateProcedure(procedure: ProcedureDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const unique = (keys: string[], field: (index: number) => string) => {
    const seen = new Set<string>();
    keys.forEach((key, index) => {
      if (seen.has(key)) problems.push({ field: field(index), reason: `'${key}' is used twice` });
      seen.add(key);
    });
  };
  if (!PROCEDURE_CODE_PATTERN.test(procedure.code)) problems.push({ field: 'code', reason: 'must be a national code like 1.001193' });
  unique(
    procedure.documents.map((document) => document.key),
    (i) => `documents[${i}].key`,
  );
  unique(
    procedure.variants.map((variant) => variant.key),
    (i) => `variants[${i}].key`,
  );
  procedure.variants.forEach((variant, v) =>
    unique(
      (variant.documents ?? []).map((document) => document.key),
      (i) => `variants[${v}].documents[${i}].key`,
    ),
  );
  if (procedure.coordinatingAgencyKinds.includes(procedure.leadAgencyKind)) {
    problems.push({ field: 'coordinatingAgencyKinds', reason: 'must not repeat the lead agency kind' });
  }
  return problems;
}
