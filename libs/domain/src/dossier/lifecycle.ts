import { DomainError, ErrorCode } from '../errors';
import { DossierStatus } from './dossier-status';

const { SUBMITTED, RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT, RESOLVED } = DossierStatus;

/** Who takes an action: the reception counter, a processor at a step, the step's manager, or the worker. */
export type LifecycleActor = 'counter' | 'processor' | 'manager' | 'system';

/**
 * The dossier's lifecycle in one table: every action that moves a dossier (or its steps), who takes
 * it, and the statuses it may start from. Every write path checks its action here against the locked
 * row; anything else is DOSSIER_NOT_IN_STATE. Final statuses (REFUSED, WITHDRAWN, STOPPED, RETURNED)
 * start nothing.
 */
export const LIFECYCLE = {
  /** The counter accepts a filing: receipt, code, appointment → RECEIVED. */
  accept: { by: 'counter', from: [SUBMITTED, SUPPLEMENT_REQUESTED] },
  /** The counter refuses a filing (BM.03) → REFUSED. */
  refuse: { by: 'counter', from: [SUBMITTED, SUPPLEMENT_REQUESTED] },
  /** The counter asks for missing papers before receiving (BM.02); no clock runs → SUPPLEMENT_REQUESTED. */
  requestIntakeSupplement: { by: 'counter', from: [SUBMITTED] },
  /** The missing papers arrived → SUBMITTED at intake, IN_PROCESS in processing. */
  supplement: { by: 'counter', from: [SUPPLEMENT_REQUESTED] },
  /** The citizen's financial obligation is met → IN_PROCESS. */
  recordPayment: { by: 'counter', from: [AWAITING_PAYMENT] },
  /** The citizen withdraws the request → WITHDRAWN; open steps are cancelled. */
  withdraw: { by: 'counter', from: [SUBMITTED, RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT] },
  /** The result is handed to the citizen → RETURNED. */
  return: { by: 'counter', from: [RESOLVED] },
  /** The worker opens the first steps of a received dossier → IN_PROCESS. */
  start: { by: 'system', from: [RECEIVED] },
  /** A processor completes a step (forward, approve, return, reject, skip; at the return desk → RESOLVED) or pauses the dossier for the citizen (→ SUPPLEMENT_REQUESTED, AWAITING_PAYMENT). */
  completeStep: { by: 'processor', from: [IN_PROCESS] },
  /** The handling agency apologises once with a new return date (BM.04); the status stays. */
  apologize: { by: 'processor', from: [RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT] },
  /** The agency's leader (or an administrator) releases or reassigns a step; the status stays. */
  reassignStep: { by: 'manager', from: [IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT, RESOLVED] },
  /** Papers not supplied by the end of the 15th working day → STOPPED. */
  stopExpiredSupplement: { by: 'system', from: [SUPPLEMENT_REQUESTED] },
  /** A file is attached: papers scanned at the counter, a step's working papers or its result; the status stays. */
  attachFile: { by: 'processor', from: [SUBMITTED, RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT] },
  /** The calendar changed: open deadlines are computed again; the status stays. */
  reproject: { by: 'system', from: [RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT] },
} as const satisfies Record<string, { by: LifecycleActor; from: readonly DossierStatus[] }>;

export type DossierAction = keyof typeof LIFECYCLE;

export function isActionAllowed(action: DossierAction, status: DossierStatus): boolean {
  return (LIFECYCLE[action].from as readonly DossierStatus[]).includes(status);
}

/** Throws DOSSIER_NOT_IN_STATE (409) unless the action may start from the status. */
export function assertActionAllowed(action: DossierAction, status: DossierStatus, code: string): void {
  if (!isActionAllowed(action, status)) {
    throw new DomainError(ErrorCode.DOSSIER_NOT_IN_STATE, `Dossier ${code} is ${status}: '${action}' is not allowed now`, {
      status,
      action,
      allowedFrom: LIFECYCLE[action].from,
    });
  }
}
