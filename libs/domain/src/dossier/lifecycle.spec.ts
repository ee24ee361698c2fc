import { DomainError, ErrorCode } from '../errors';
import { DossierStatus } from './dossier-status';
import { assertActionAllowed, DossierAction, isActionAllowed, LIFECYCLE } from './lifecycle';

const S = DossierStatus;
/** The expected table, written out: every action and the statuses it may start from; all others are refused. */
const EXPECTED: Record<DossierAction, DossierStatus[]> = {
  accept: [S.SUBMITTED, S.SUPPLEMENT_REQUESTED],
  refuse: [S.SUBMITTED, S.SUPPLEMENT_REQUESTED],
  requestIntakeSupplement: [S.SUBMITTED],
  supplement: [S.SUPPLEMENT_REQUESTED],
  recordPayment: [S.AWAITING_PAYMENT],
  withdraw: [S.SUBMITTED, S.RECEIVED, S.IN_PROCESS, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT],
  return: [S.RESOLVED],
  start: [S.RECEIVED],
  completeStep: [S.IN_PROCESS],
  apologize: [S.RECEIVED, S.IN_PROCESS, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT],
  reassignStep: [S.IN_PROCESS, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT, S.RESOLVED],
  stopExpiredSupplement: [S.SUPPLEMENT_REQUESTED],
  attachFile: [S.SUBMITTED, S.RECEIVED, S.IN_PROCESS, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT],
  reproject: [S.RECEIVED, S.IN_PROCESS, S.SUPPLEMENT_REQUESTED, S.AWAITING_PAYMENT],
};

const cases = (Object.keys(EXPECTED) as DossierAction[]).flatMap((action) => Object.values(DossierStatus).map((status) => ({ action, status, allowed: EXPECTED[action].includes(status) })));

describe('the dossier lifecycle', () => {
  it('lists every action, and no other', () => {
    expect(Object.keys(LIFECYCLE).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('$action from $status: allowed $allowed', ({ action, status, allowed }) => {
    expect(isActionAllowed(action, status)).toBe(allowed);
    if (allowed) {
      expect(() => assertActionAllowed(action, status, 'X')).not.toThrow();
    } else {
      let refusal: unknown;
      try {
        assertActionAllowed(action, status, '000.00.31.H56-250310-0001');
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: ErrorCode.DOSSIER_NOT_IN_STATE, details: { status, action, allowedFrom: EXPECTED[action] } });
    }
  });

  it('lets nothing start from a final status', () => {
    for (const status of [S.REFUSED, S.WITHDRAWN, S.STOPPED, S.RETURNED]) {
      expect((Object.keys(LIFECYCLE) as DossierAction[]).filter((action) => isActionAllowed(action, status))).toEqual([]);
    }
  });
});
