import { Client } from 'pg';

const READ_TIMEOUT = 'Query read timeout';

/**
 * A node-postgres client that drops its connection when a query gets no answer within
 * `query_timeout`. The query may never have reached the server (a silent partition drops it), and pg
 * keeps waiting for its answer before it sends the next one: a client left in the pool would hang every
 * later query, long after the network is back. Dropped, the pool opens a fresh connection instead.
 */
export class PartitionSafeClient extends Client {
  // pg's query() has many overloads (promise, callback, submittable); all are passed through untouched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        this.dropIfUnanswered(error);
        last(error, result);
      };
      return (super.query as (...all: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...all: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.catch((error: unknown) => this.dropIfUnanswered(error));
    return result;
  }

  private dropIfUnanswered(error: unknown): void {
    if (error instanceof Error && error.message === READ_TIMEOUT) (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }
}
