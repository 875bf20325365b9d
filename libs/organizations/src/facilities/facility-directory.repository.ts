import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { AdminUnit } from '../admin-units/admin-unit.entity';
import { idsOnPath } from '../tree/tree-path';
import { Facility } from './facility.entity';
import type { FacilityType } from './facility-type';

/** A facility as other domains show it. */
export interface FacilityCard {
  id: string;
  name: string;
  type: FacilityType;
  /** Its administrative units from the nearest up to the province: "Ba Đình, Hà Nội". */
  place: string;
}

/**
 * What other domains may know of facilities and where they are, without reading the facility
 * or administrative-unit tables: whether one exists, its kind (television records group
 * attendance only where viewings are held), its card (a course page shows it), the facility a
 * code names (a report import identifies facilities by code), and an
 * administrative unit's path (the catalogue filters by subtree with it).
 */
@Injectable()
export class FacilityDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get facilities() {
    return this.dataSource.getRepository(Facility);
  }

  private get adminUnits() {
    return this.dataSource.getRepository(AdminUnit);
  }

  exists(facilityId: string): Promise<boolean> {
    return this.facilities.existsBy({ id: facilityId });
  }

  /** The facility with this code (as registered); null when there is none. */
  async idByCode(code: string): Promise<string | null> {
    const facility = await this.facilities.findOne({ select: { id: true }, where: { code } });
    return facility?.id ?? null;
  }

  /** The facility's kind; null when there is no such facility. */
  async typeOf(facilityId: string): Promise<FacilityType | null> {
    const facility = await this.facilities.findOne({
      select: { id: true, type: true },
      where: { id: facilityId },
    });
    return facility?.type ?? null;
  }

  /** The facility's name and kind, and where it is; null when there is no such facility. */
  async card(facilityId: string): Promise<FacilityCard | null> {
    const facility = await this.facilities.findOne({
      where: { id: facilityId },
      select: { id: true, name: true, type: true, adminUnitId: true },
    });
    if (!facility) return null;
    const path = await this.adminUnitPath(facility.adminUnitId);
    const ids = path === null ? [] : idsOnPath(path);
    const units = ids.length
      ? await this.adminUnits.find({ where: { id: In(ids) }, select: { id: true, name: true } })
      : [];
    const names = new Map(units.map((u) => [u.id, u.name]));
    return {
      id: facility.id,
      name: facility.name,
      type: facility.type,
      place: ids
        .reverse()
        .flatMap((id) => names.get(id) ?? [])
        .join(', '),
    };
  }

  /** The administrative unit's path (read it with `subtreePattern`); null when there is none. */
  async adminUnitPath(adminUnitId: string): Promise<string | null> {
    const unit = await this.adminUnits.findOne({
      where: { id: adminUnitId },
      select: { id: true, path: true },
    });
    return unit?.path ?? null;
  }
}
