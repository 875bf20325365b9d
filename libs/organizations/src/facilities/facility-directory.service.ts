import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Facility } from './facility.entity';
import type { FacilityType } from './facility-type';

/**
 * What other domains may know of a facility without reading the facility table: its kind
 * (television records group attendance only where viewings are held).
 */
@Injectable()
export class FacilityDirectory {
  constructor(@InjectRepository(Facility) private readonly facilities: Repository<Facility>) {}

  /** The facility's kind; null when there is no such facility. */
  async typeOf(facilityId: string): Promise<FacilityType | null> {
    const facility = await this.facilities.findOne({
      select: { id: true, type: true },
      where: { id: facilityId },
    });
    return facility?.type ?? null;
  }
}
