import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('programs')
export class ProgramEntity {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ name: 'created_utc', type: 'timestamptz' })
  createdUtc: Date;
}
