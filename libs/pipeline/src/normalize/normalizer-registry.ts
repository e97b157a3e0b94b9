import { Injectable } from '@nestjs/common';
import type { PublisherSystemId } from '@hub/event-store';
import { UnprocessablePayloadError, type SourceNormalizer } from './normalizer.js';

/** Sources register their normalizer here at boot; the worker looks them up per job. */
@Injectable()
export class NormalizerRegistry {
  private readonly normalizers = new Map<PublisherSystemId, SourceNormalizer>();

  register(normalizer: SourceNormalizer): void {
    if (this.normalizers.has(normalizer.source)) throw new Error(`Two normalizers for source ${normalizer.source}`);
    this.normalizers.set(normalizer.source, normalizer);
  }

  get(source: PublisherSystemId): SourceNormalizer {
    const normalizer = this.normalizers.get(source);
    if (!normalizer) throw new UnprocessablePayloadError(`No normalizer registered for source "${source}"`);
    return normalizer;
  }

  sources(): PublisherSystemId[] {
    return [...this.normalizers.keys()];
  }
}
