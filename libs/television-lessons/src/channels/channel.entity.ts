import { CreatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A television channel (a national education channel, a provincial station). Its row is also
 * the lock that serializes scheduling on the channel, so slots never overlap.
 */
@Entity('channels')
@Index('uq_channels_code', ['code'], { unique: true })
export class Channel {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true, default: null })
  description!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
