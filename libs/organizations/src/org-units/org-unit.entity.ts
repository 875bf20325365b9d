import { CreatedAtColumn, UpdatedAtColumn } from '@lifelong/database';
import { ORG_UNIT_LEVELS, type OrgUnitLevel } from './org-unit-level';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** An agency or one of its departments: a node of the org-unit tree. */
@Entity('org_units')
@Index('ix_org_units_parent', ['parentId', 'name'])
export class OrgUnit {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Index('uq_org_units_code', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The level of the agency (programme monitoring counts trained staff by it); null: not set. */
  @Column({ type: 'enum', enum: ORG_UNIT_LEVELS, nullable: true, default: null })
  level!: OrgUnitLevel | null;

  @Column({ type: 'char', length: 36, nullable: true, default: null })
  parentId!: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_org_units_parent' })
  parent?: OrgUnit;

  /** `/<root id>/…/<own id>/`; the subtree is a prefix range of this index. */
  @Index('ix_org_units_path')
  @Column({ type: 'varchar', length: 760, charset: 'ascii', collation: 'ascii_bin' })
  path!: string;

  /** 1 for an agency at the root. */
  @Column({ type: 'tinyint', unsigned: true })
  depth!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
