import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { canAccessProgram, type ApiKeyPrincipal } from '@hub/access';
import { ValidationFailedException } from '@hub/observability';
import { canonicalLoId } from '../ids/alm-ids.js';
import { toLearningObjectDto, type AlmLearningObjectDto, type GetAlmLearningObjectQuery, type ListAlmLearningObjectsQuery } from './alm-catalogue.dto.js';
import { AlmCatalogueRepository } from './alm-catalogue.repository.js';

export const DEFAULT_CATALOGUE_PAGE = 100;

export interface CataloguePage {
  items: AlmLearningObjectDto[];
  /** Cursor of the next page, when this one was full. */
  next: string | null;
  limit: number;
}

/** Reads of the ALM catalogue, scoped to the programs of the calling API key. */
@Injectable()
export class AlmCatalogueService {
  constructor(private readonly catalogue: AlmCatalogueRepository) {}

  async list(query: ListAlmLearningObjectsQuery, caller: ApiKeyPrincipal): Promise<CataloguePage> {
    const limit = query.limit ?? DEFAULT_CATALOGUE_PAGE;
    const after = query.after === undefined ? undefined : decodeCatalogueCursor(query.after);
    if (after === null) throw new ValidationFailedException([{ field: 'after', message: 'after is not a cursor issued by this hub' }]);
    const learningObjects = await this.catalogue.findPage({ programIds: this.programsOf(query.programId, caller), state: query.state, loType: query.loType, after, limit });
    const instances = await this.catalogue.instancesOf(learningObjects);
    const items = learningObjects.map((lo) => toLearningObjectDto(lo, instances.filter((i) => i.programId === lo.programId && i.loId === lo.loId)));
    const last = learningObjects.at(-1);
    return { items, next: learningObjects.length === limit && last ? encodeCatalogueCursor(last) : null, limit };
  }

  async get(loId: string, query: GetAlmLearningObjectQuery, caller: ApiKeyPrincipal): Promise<AlmLearningObjectDto> {
    const found = loId.length <= 200 ? await this.catalogue.findLearningObject(this.programsOf(query.programId, caller), canonicalLoId(loId)) : [];
    if (found.length === 0) throw new NotFoundException(`Learning object ${loId} not found in this key’s programs`);
    if (found.length > 1) {
      throw new ValidationFailedException(
        [{ field: 'programId', message: `${loId} is in programs ${found.map((lo) => lo.programId).join(', ')}: name one` }],
        'The learning object is in more than one of this key’s programs',
      );
    }
    return toLearningObjectDto(found[0], await this.catalogue.instancesOf(found));
  }

  private programsOf(programId: string | undefined, caller: ApiKeyPrincipal): string[] {
    if (programId === undefined) return caller.programIds;
    if (!canAccessProgram(caller, programId)) throw new ForbiddenException(`This API key has no access to program ${programId}`);
    return [programId];
  }
}

export function encodeCatalogueCursor(lo: { programId: string; loId: string }): string {
  return Buffer.from(JSON.stringify([lo.programId, lo.loId]), 'utf8').toString('base64url');
}

export function decodeCatalogueCursor(cursor: string): { programId: string; loId: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return { programId: value[0], loId: value[1] };
  } catch {
    // not ours
  }
  return null;
}
