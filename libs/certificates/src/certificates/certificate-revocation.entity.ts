import { User } from '@lifelong/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Certificate } from './certificate.entity';

/**
 * The audit of a revocation: who, when, why. At most one per certificate (its primary key),
 * so a second revoke is refused by the database as well as by the service.
 */
@Entity('certificate_revocations')
@Index('ix_certificate_revocations_revoked_by', ['revokedBy', 'revokedAt'])
export class CertificateRevocation {
  @PrimaryColumn({ type: 'char', length: 36 })
  certificateId!: string;

  @Column({ type: 'char', length: 36 })
  revokedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  revokedAt!: Date;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @OneToOne(() => Certificate, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'certificate_id',
    foreignKeyConstraintName: 'fk_certificate_revocations_certificate',
  })
  certificate?: Certificate;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'revoked_by', foreignKeyConstraintName: 'fk_certificate_revocations_user' })
  revoker?: User;
}
