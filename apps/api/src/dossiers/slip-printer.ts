import { Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { DomainError, ErrorCode } from '@motcua/domain';
import { renderSlipPdf } from '@motcua/slips';
import type { Slip } from '@motcua/slips';

/** Slips rendered at once: about one per core (a render is CPU work and a dozen MB of heap). */
export const PDF_RENDERS_AT_ONCE = 2;
/** Slips waiting their turn before the next request is refused with 503 and Retry-After. */
export const PDF_RENDERS_WAITING = 16;

/**
 * Prints PDF slips a few at a time. Rendered as they came, 25 simultaneous prints exhausted the heap;
 * here memory stays bounded whatever the burst, and a print that would wait too long is told to retry.
 */
@Injectable()
export class SlipPrinter {
  private readonly limit = pLimit(PDF_RENDERS_AT_ONCE);

  print(slip: Slip): Promise<Buffer> {
    if (this.limit.pendingCount >= PDF_RENDERS_WAITING) {
      throw new DomainError(ErrorCode.UNAVAILABLE, 'Too many slips are being printed at this moment; try again in a few seconds', { service: 'PDF rendering' });
    }
    return this.limit(() => renderSlipPdf(slip));
  }
}
