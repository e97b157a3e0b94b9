import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far a projection has followed the event feed: every event at or before (tx_id, seq) has been taken in. Written
 * in the transaction that writes the projection's rows, so the two can never disagree.
 */
@Entity('projection_checkpoints')
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'tx_id', type: 'bigint' })
  txId: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'updated_utc', type: 'timestamptz', default: () => 'now()' })
  updatedUtc: Date;
}
