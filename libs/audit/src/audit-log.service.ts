import { Clock, currentRequestContext, newId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { AuditAction, AuditSubjectType } from './audit-actions';
import { AuditEntriesRepository } from './audit-entries.repository';
import type { AuditEntry } from './audit-entry.entity';
import { type AuditPlace, AuditPlaces, NO_PLACE } from './audit-places';

/** One change to record. */
export interface AuditRecord {
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  /** What changed, for a person reading the log (never secrets or sensitive personal data). */
  details?: Record<string, unknown>;
  /** Where the subject belongs (see {@link AuditPlace}); decides which scoped readers see it. */
  place?: AuditPlace;
  /**
   * Who acted, when not the signed-in caller of the current request (a job acting for the
   * person who asked for it). Null for the platform itself.
   */
  actorId?: string | null;
}

/**
 * Writes audit entries, in the transaction of the change they describe: a change that rolls
 * back leaves no entry, and an entry never exists without its change. Who and from where come
 * from the request context (set by the api's request hook and auth guard).
 *
 * Insert only: there is deliberately no method that updates or deletes an entry.
 */
@Injectable()
export class AuditLog {
  private places?: AuditPlaces;

  constructor(
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    private readonly entries: AuditEntriesRepository,
  ) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const context = currentRequestContext();
    const place = entry.place ? await this.resolver().resolve(manager, entry.place) : NO_PLACE;
    const row: AuditEntry = {
      id: newId(),
      at: this.clock.now(),
      actorId: entry.actorId !== undefined ? entry.actorId : (context?.actorId ?? null),
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      ip: context?.ip ?? null,
      requestId: context?.requestId ?? null,
      details: entry.details ?? {},
      ...place,
    };
    await this.entries.insert(manager, row);
  }

  private resolver(): AuditPlaces {
    if (this.places) return this.places;
    try {
      this.places = this.moduleRef.get(AuditPlaces, { strict: false });
    } catch {
      throw new Error('No AuditPlaces is bound: organizations must provide AuditPlaces');
    }
    return this.places;
  }
}
