/**
 * PostgreSQL unreachable or out of room: system errors, class 08 and 57P codes, too many connections
 * (53300), a statement cancelled by its timeout (57014), a transaction ended for idling (25P03).
 */
const POSTGRES_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '53300',
  '25P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const POSTGRES_DOWN_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|the database system is (shutting down|starting up)/;
/** A deadlock (40P01) or a serialization failure (40001): PostgreSQL rolled the transaction back; trying again may succeed. */
const POSTGRES_CONFLICT_CODES = new Set(['40P01', '40001']);
const REDIS_DOWN_MESSAGES = /Connection is closed|Stream isn't writeable|Reached the max retries per request limit/;

type Failure = { name?: string; message?: string; code?: string; driverError?: Failure };

/**
 * Which backing service an error says is unreachable, if any: the API answers those with 503
 * UNAVAILABLE and Retry-After (the client may try again), not with a 500.
 */
export function unavailableService(error: unknown): 'PostgreSQL' | 'Redis' | undefined {
  const failure = error as Failure | undefined;
  if (!failure || typeof failure !== 'object') return undefined;
  if (failure.name === 'MaxRetriesPerRequestError' || REDIS_DOWN_MESSAGES.test(failure.message ?? '')) return 'Redis';
  const cause = failure.driverError ?? failure;
  if (POSTGRES_DOWN_CODES.has(cause.code ?? '') || POSTGRES_DOWN_MESSAGES.test(cause.message ?? '')) return 'PostgreSQL';
  return undefined;
}

/** Whether PostgreSQL rolled the request's transaction back because it collided with another one. */
export function isTransactionConflict(error: unknown): boolean {
  const failure = error as Failure | undefined;
  if (!failure || typeof failure !== 'object') return false;
  return POSTGRES_CONFLICT_CODES.has((failure.driverError ?? failure).code ?? '');
}
