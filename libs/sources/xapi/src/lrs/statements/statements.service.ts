import { Injectable } from '@nestjs/common';
import type { XapiRequest } from '../http/xapi-request.js';
import type { XapiResponse } from '../http/xapi-response.js';
import { StatementReadService } from './statement-read.service.js';
import { StatementWriteService } from './statement-write.service.js';

/** The Statement resource by the method the request stands for (which the alternate syntax may change). */
@Injectable()
export class StatementsService {
  constructor(
    private readonly reads: StatementReadService,
    private readonly writes: StatementWriteService,
  ) {}

  handle(req: XapiRequest): Promise<XapiResponse> {
    switch (req.method) {
      case 'PUT':
        return this.writes.put(req);
      case 'POST':
        return this.writes.post(req);
      default:
        return this.reads.get(req);
    }
  }
}
