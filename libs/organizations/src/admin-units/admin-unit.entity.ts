import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** A province, district or commune: a node of the administrative tree. */
@Entity('admin_units')
@Index('ix_admin_units_parent', ['parentId', 'name'])
export class AdminUnit {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('uq_admin_units_code', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Data, not code (`province`, `district`, `commune`, …): the country has reorganized levels before. */
  @Column({ type: 'varchar', length: 30 })
  level!: string;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  parentId!: string | null;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_admin_units_parent' })
  parent?: AdminUnit;

  /** `/<root id>/…/<own id>/`; the subtree is a prefix range of this index. */
  @Index('ix_admin_units_path')
  @Column({ type: 'varchar', length: 760, charset: 'ascii', collation: 'ascii_bin' })
  path!: string;

  /** 1 for a root. */
  @Column({ type: 'tinyint', unsigned: true })
  depth!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
