import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth, ProgramsService } from '@hub/access';
import { CreateProgramDto, ProgramDto } from './create-program.dto.js';

@ApiTags('admin')
@AdminAuth()
@Controller('admin/programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a program' })
  @ApiCreatedResponse({ type: ProgramDto })
  @ApiConflictResponse({ description: 'The program exists' })
  create(@Body() dto: CreateProgramDto): Promise<ProgramDto> {
    return this.programs.create(dto.programId, dto.name);
  }

  @Get()
  @ApiOperation({ summary: 'List programs' })
  @ApiOkResponse({ type: ProgramDto, isArray: true })
  list(): Promise<ProgramDto[]> {
    return this.programs.list();
  }
}
