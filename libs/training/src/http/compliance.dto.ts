import { ID_PATTERN } from '@lifelong/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type { ComplianceTree } from '../reports/compliance-report.service';
import type { ComplianceRow } from '../reports/compliance-row';
import type { ComplianceSnapshot } from '../reports/compliance-snapshot.entity';
import type { SnapshotSummary } from '../reports/compliance-snapshots.service';

export class UnitQuery {
  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;
}

export class ComplianceRowDto {
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() assigned!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ description: 'Completions whose validity ran out with no renewal' })
  expired!: number;
  @ApiProperty({ description: 'completed / assigned × 100, one decimal (16.7); 0 when none' })
  compliantPercent!: number;

  static from(row: ComplianceRow): ComplianceRowDto {
    const { orgUnitId, name, assigned, completed, inProgress, overdue, expired } = row;
    return {
      orgUnitId,
      name,
      assigned,
      completed,
      inProgress,
      overdue,
      expired,
      compliantPercent: row.compliantPercent,
    };
  }
}

export class ComplianceDto extends ComplianceRowDto {
  @ApiProperty({ type: [ComplianceRowDto], description: 'One level down' })
  children!: ComplianceRowDto[];

  static fromTree(tree: ComplianceTree): ComplianceDto {
    return {
      ...ComplianceRowDto.from(tree),
      children: tree.children.map((child) => ComplianceRowDto.from(child)),
    };
  }
}

export class SnapshotBodyDto {
  @ApiProperty()
  @IsString()
  @Matches(ID_PATTERN, { message: 'orgUnitId must be an id' })
  orgUnitId!: string;

  @ApiProperty({ example: '2026-Q4', description: 'YYYY, YYYY-Qn or YYYY-MM' })
  @IsString()
  @Matches(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, {
    message: 'period must be YYYY, YYYY-Qn or YYYY-MM',
  })
  period!: string;
}

export class SnapshotDto {
  @ApiProperty() id!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() period!: string;
  @ApiProperty() takenAt!: string;
  @ApiProperty({ type: [ComplianceRowDto], description: 'Every unit of the subtree, frozen' })
  rows!: ComplianceRowDto[];

  static from(snapshot: ComplianceSnapshot): SnapshotDto {
    return {
      id: snapshot.id,
      orgUnitId: snapshot.orgUnitId,
      period: snapshot.period,
      takenAt: new Date(snapshot.takenAt).toISOString(),
      rows: snapshot.rows.map((row) => ComplianceRowDto.from(row)),
    };
  }
}

export class SnapshotSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() period!: string;
  @ApiProperty() takenAt!: string;
  @ApiProperty() assigned!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() expired!: number;
  @ApiProperty({ description: 'The unit’s compliant share then, one decimal' })
  compliantPercent!: number;

  static from(summary: SnapshotSummary): SnapshotSummaryDto {
    const { assigned, completed, inProgress, overdue, expired, compliantPercent } =
      summary.headline;
    return {
      id: summary.id,
      orgUnitId: summary.orgUnitId,
      period: summary.period,
      takenAt: summary.takenAt.toISOString(),
      assigned,
      completed,
      inProgress,
      overdue,
      expired,
      compliantPercent,
    };
  }
}
