import { CreatedAtColumn } from '@lifelong/database';
import { Facility } from '@lifelong/organizations';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A television channel (a national education channel, a provincial station). Its row is also
 * the lock that serializes scheduling on the channel, so slots never overlap. A channel with a
 * facility is that facility's to manage; one without is national (platform admins only).
 */
@Entity('channels')
@Index('uq_channels_code', ['code'], { unique: true })
@Index('ix_channels_facility', ['facilityId'])
export class Channel {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true, default: null })
  description!: string | null;

  /** The owning facility; null for a national channel. */
  @Column({ type: 'char', length: 36, nullable: true, default: null })
  facilityId!: string | null;

  @ManyToOne(() => Facility, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id', foreignKeyConstraintName: 'fk_channels_facility' })
  facility?: Facility;

  @CreatedAtColumn()
  createdAt!: Date;
}
