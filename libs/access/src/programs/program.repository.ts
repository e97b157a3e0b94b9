import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { ProgramEntity } from './program.entity.js';

@Injectable()
export class ProgramRepository {
  constructor(@InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>) {}

  findAll(): Promise<ProgramEntity[]> {
    return this.programs.find({ order: { programId: 'ASC' } });
  }

  findOne(programId: string): Promise<ProgramEntity | null> {
    return this.programs.findOneBy({ programId });
  }

  async missingOf(programIds: readonly string[]): Promise<string[]> {
    const found = await this.programs.findBy({ programId: In([...programIds]) });
    const known = new Set(found.map((p) => p.programId));
    return programIds.filter((id) => !known.has(id));
  }

  /** Inserts the program; returns false when it already existed. */
  async insert(programId: string, name: string): Promise<boolean> {
    const result = await this.programs
      .createQueryBuilder()
      .insert()
      .values({ programId, name })
      .orIgnore()
      .returning(['programId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
}
