import { Injectable } from '@nestjs/common';
import type { XapiRequest } from '../http/xapi-request.js';
import type { XapiResponse } from '../http/xapi-response.js';
import { StatementReadService } from './statement-read.service.js';
import { StatementWriteBarrier } from './statement-write-barrier.js';
import { StatementWriteService } from './statement-write.service.js';

/**
 * The Statement resource by the method the request stands for (which the alternate syntax may change). Reads wait
 * for the program's writes already under way in this process (StatementWriteBarrier).
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly reads: StatementReadService,
    private readonly writes: StatementWriteService,
    private readonly barrier: StatementWriteBarrier,
  ) {}

  async handle(req: XapiRequest): Promise<XapiResponse> {
    const programId = req.principal.programId;
    switch (req.method) {
      case 'PUT':
        return this.barrier.track(programId, () => this.writes.put(req));
      case 'POST':
        return this.barrier.track(programId, () => this.writes.post(req));
      default:
        await this.barrier.settled(programId);
        return this.reads.get(req);
    }
  }
}
