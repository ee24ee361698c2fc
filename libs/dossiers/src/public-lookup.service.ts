import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, Dossier, DossierStatus, ErrorCode, HistoryEntry } from '@motcua/domain';
import { DossiersRepository } from '@motcua/persistence';

/** What a citizen may see of their dossier: no ID numbers, phone, address, birth date or officers' names. */
export interface PublicDossierView {
  dossier: Dossier;
  agencyName: string;
  milestones: { at: Date; action: string; status: DossierStatus }[];
  rating: { score: number; comment: string | null } | null;
}

/** History actions a citizen is shown, as milestones; internal hand-offs are summarised by status. */
const PUBLIC_ACTIONS = new Set(['submit', 'accept', 'refuse', 'request-supplement', 'supplement', 'withdraw', 'resolve', 'apology', 'request-payment', 'payment', 'stop', 'return']);

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The citizen's status lookup by code and verifier. A wrong code and a wrong verifier fail the same
 * way, after the same work: one query by code, one constant-time comparison.
 */
@Injectable()
export class PublicLookupService {
  constructor(private readonly dossiers: DossiersRepository) {}

  async lookup(code: string, verifier: string): Promise<PublicDossierView> {
    const dossier = await this.verified(code, verifier);
    const [history, details] = await Promise.all([this.dossiers.history(dossier.id), this.dossiers.publicDetails(dossier.id)]);
    return { dossier, ...details, milestones: history.filter((entry) => PUBLIC_ACTIONS.has(entry.action)).map(toMilestone) };
  }

  /** One rating per dossier, once its result was handed over. */
  async rate(code: string, verifier: string, score: number, comment: string | null): Promise<void> {
    const dossier = await this.verified(code, verifier);
    if (dossier.status !== DossierStatus.RETURNED) {
      throw new DomainError(ErrorCode.DOSSIER_NOT_IN_STATE, 'A dossier can be rated once its result has been returned', { status: dossier.status });
    }
    if (!(await this.dossiers.rate(dossier.id, score, comment))) {
      throw new DomainError(ErrorCode.ALREADY_EXISTS, 'This dossier has been rated already');
    }
  }

  private async verified(code: string, verifier: string): Promise<Dossier> {
    const dossier = await this.dossiers.findPublic(code);
    const matches = timingSafeEqual(digest(verifier), digest(dossier?.verifier ?? '\u0000no dossier'));
    if (!dossier || !matches) throw new DomainError(ErrorCode.NOT_FOUND, 'No dossier with this code and verifier');
    return dossier;
  }
}

function toMilestone(entry: HistoryEntry): PublicDossierView['milestones'][number] {
  return { at: entry.at, action: entry.action, status: entry.toStatus };
}
