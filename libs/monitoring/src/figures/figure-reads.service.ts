import { csvWriter } from '@lifelong/common';
import { FACILITY_TYPES } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import {
  type Figures,
  INDICATOR_CODES,
  type IndicatorCode,
} from '../indicators/indicator-catalogue';
import { parsePeriod } from '../indicators/period';
import { MonitoringError } from '../monitoring-error';
import {
  type GroupMember,
  hiddenInGroup,
  type PublicFigures,
  publicFigures,
} from './figure-privacy';
import { type FigureUnit, FigureSourcesRepository } from './figure-sources.repository';
import { FiguresRepository } from './figures.repository';

/** One unit's published figures ('' id and null adminUnitId: the whole country). */
export interface FigureNode {
  period: string;
  adminUnitId: string | null;
  name: string;
  figures: PublicFigures;
}

/** A unit's figures with its children's, one level down. */
export interface FigureTree extends FigureNode {
  children: FigureNode[];
}

export interface FigureQuery {
  period?: string;
  adminUnitId?: string;
  facilityType?: string;
}

const COUNTRY: FigureUnit = { id: '', name: 'Toàn quốc' };

const ZERO: Figures = Object.fromEntries(INDICATOR_CODES.map((code) => [code, 0])) as Figures;

/**
 * The public figures: read from the stored cells (never counted per request), with the privacy
 * rule applied to the unit among its siblings and to its children among themselves.
 */
@Injectable()
export class FigureReads {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly sources: FigureSourcesRepository,
  ) {}

  async tree(query: FigureQuery): Promise<FigureTree> {
    const period = parsePeriod(query.period).code;
    const facilityType = query.facilityType ?? '';
    if (facilityType !== '' && !(FACILITY_TYPES as readonly string[]).includes(facilityType))
      throw new MonitoringError('VALIDATION_FAILED', 'facilityType is not a facility type', {
        facilityType,
        allowed: FACILITY_TYPES,
      });
    const { unit, siblings } = await this.unitWithSiblings(query.adminUnitId);
    const children = await this.sources.unitsUnder(unit.id === '' ? null : unit.id);
    const figures = await this.cells(
      period,
      facilityType,
      [unit, ...siblings, ...children].map((u) => u.id),
    );
    const member = (u: FigureUnit): GroupMember => ({
      id: u.id,
      figures: figures.get(u.id) ?? ZERO,
    });
    const topHidden = hiddenInGroup([unit, ...siblings].map(member)).get(unit.id)!;
    const childHidden = hiddenInGroup(children.map(member));
    const node = (u: FigureUnit, hidden: ReadonlySet<IndicatorCode>): FigureNode => ({
      period,
      adminUnitId: u.id === '' ? null : u.id,
      name: u.name,
      figures: publicFigures(figures.get(u.id) ?? ZERO, hidden),
    });
    return {
      ...node(unit, topHidden),
      children: children.map((child) => node(child, childHidden.get(child.id)!)),
    };
  }

  /** The same figures as CSV, one row per unit (the unit first, then its children). */
  async csv(query: FigureQuery): Promise<Readable> {
    const tree = await this.tree(query);
    const out = csvWriter(['period', 'facility_type', 'admin_unit_id', 'name', ...INDICATOR_CODES]);
    for (const node of [tree, ...tree.children])
      out.write({
        period: node.period,
        facility_type: query.facilityType ?? '',
        admin_unit_id: node.adminUnitId ?? '',
        name: node.name,
        ...node.figures,
      });
    out.end();
    return out;
  }

  private async unitWithSiblings(
    adminUnitId: string | undefined,
  ): Promise<{ unit: FigureUnit; siblings: FigureUnit[] }> {
    if (adminUnitId === undefined) return { unit: COUNTRY, siblings: [] };
    const found = await this.sources.adminUnit(adminUnitId);
    if (!found)
      throw new MonitoringError('ADMIN_UNIT_NOT_FOUND', 'No such administrative unit', {
        adminUnitId,
      });
    const siblings = await this.sources.unitsUnder(found.parentId, found.id);
    return { unit: { id: found.id, name: found.name }, siblings };
  }

  private async cells(
    period: string,
    facilityType: string,
    unitIds: string[],
  ): Promise<Map<string, Figures>> {
    const rows = await this.figures.cellsOf(period, facilityType, unitIds);
    return new Map(
      rows.map((row) => [
        row.unitId,
        Object.fromEntries(
          INDICATOR_CODES.map((code) => [code, Number(row[code] ?? 0)]),
        ) as Figures,
      ]),
    );
  }
}
