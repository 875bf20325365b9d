import { CreatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Cmi5Registration } from './cmi5-registration.entity';

/**
 * One launch of a registration. The fetch URL carries a random token whose SHA-256 is
 * `fetchHash`; fetching it once (`fetchedAt`) issues the auth token, whose secret's SHA-256 is
 * `tokenHash` (both secrets are 256 random bits: a plain hash is enough). Expires at `expiresAt`.
 */
@Entity('cmi5_sessions')
@Index('uq_cmi5_sessions_fetch', ['fetchHash'], { unique: true })
@Index('ix_cmi5_sessions_registration', ['registrationId'])
export class Cmi5Session {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36 })
  registrationId!: string;

  @ManyToOne(() => Cmi5Registration, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'registration_id',
    foreignKeyConstraintName: 'fk_cmi5_sessions_registration',
  })
  registration?: Cmi5Registration;

  @Column({ type: 'binary', length: 32 })
  fetchHash!: Buffer;

  @Column({ type: 'binary', length: 32, nullable: true, default: null })
  tokenHash!: Buffer | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  fetchedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @CreatedAtColumn()
  createdAt!: Date;
}
