import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AuditStream } from './chain-hash';

const bigintAsNumber = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/** The head of each stream's chain. Appenders lock this row, so several instances extend one chain. */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHead {
  @PrimaryColumn('varchar', { length: 10 })
  stream: AuditStream;

  @Column('bigint', { transformer: bigintAsNumber })
  size: number;

  @Column('varchar', { name: 'head_hash', length: 64 })
  headHash: string;
}

export { bigintAsNumber };
