import { ConflictException, Injectable } from '@nestjs/common';
import type { ProgramEntity } from './program.entity.js';
import { ProgramRepository } from './program.repository.js';

@Injectable()
export class ProgramsService {
  constructor(private readonly programs: ProgramRepository) {}

  list(): Promise<ProgramEntity[]> {
    return this.programs.findAll();
  }

  async create(programId: string, name: string): Promise<ProgramEntity> {
    if (!(await this.programs.insert(programId, name))) throw new ConflictException(`Program "${programId}" already exists`);
    return (await this.programs.findOne(programId))!;
  }

  /** Creates the program when it is missing (sources configured by environment, e.g. IMC_PROGRAM_ID). */
  async ensure(programId: string, name = programId): Promise<void> {
    await this.programs.insert(programId, name);
  }

  missingOf(programIds: readonly string[]): Promise<string[]> {
    return this.programs.missingOf(programIds);
  }
}
