import { DomainError, ErrorCode } from '../errors';
import { DossierStatus } from './dossier-status';

/** Every action that moves a dossier, and the statuses it may start from. */
export const DOSSIER_ACTIONS = {
  /** The counter accepts a filing: receipt, code, appointment. */
  accept: [DossierStatus.SUBMITTED, DossierStatus.SUPPLEMENT_REQUESTED],
  /** The counter refuses a filing (BM.03). */
  refuse: [DossierStatus.SUBMITTED, DossierStatus.SUPPLEMENT_REQUESTED],
  /** The counter asks for missing papers before receiving (BM.02); no clock runs. */
  requestIntakeSupplement: [DossierStatus.SUBMITTED],
  /** The missing papers arrived. */
  supplement: [DossierStatus.SUPPLEMENT_REQUESTED],
  /** The citizen's financial obligation is met. */
  recordPayment: [DossierStatus.AWAITING_PAYMENT],
  /** The citizen withdraws the request. */
  withdraw: [
    DossierStatus.SUBMITTED,
    DossierStatus.RECEIVED,
    DossierStatus.IN_PROCESS,
    DossierStatus.SUPPLEMENT_REQUESTED,
    DossierStatus.AWAITING_PAYMENT,
  ],
  /** The result is handed to the citizen. */
  return: [DossierStatus.RESOLVED],
} as const satisfies Record<string, readonly DossierStatus[]>;

export type DossierAction = keyof typeof DOSSIER_ACTIONS;

/** Throws DOSSIER_NOT_IN_STATE (409) unless the action may start from the status. */
export function assertActionAllowed(action: DossierAction, status: DossierStatus, code: string): void {
  if (!(DOSSIER_ACTIONS[action] as readonly DossierStatus[]).includes(status)) {
    throw new DomainError(ErrorCode.DOSSIER_NOT_IN_STATE, `Dossier ${code} is ${status}: '${action}' is not allowed now`, {
      status,
      action,
      allowedFrom: DOSSIER_ACTIONS[action],
    });
  }
}
