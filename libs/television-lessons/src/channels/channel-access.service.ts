import { AUTHOR_ROLES } from '@lifelong/courses';
import { AccessPolicy, isPlatformAdmin, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { CHANNEL_CREATORS } from '../policies';
import { TelevisionError } from '../television-error';

/** The part of a channel that says who manages it. */
export interface ChannelOwner {
  /** The owning facility; null for a national channel. */
  facilityId: string | null;
}

/**
 * Who manages a channel. A channel's airtime is shared by every course, so a role that merely
 * authors a course somewhere is not enough: a national channel (no facility) is managed by
 * platform admins only; a facility's channel is created by its facility admins (or admins over
 * it) and scheduled on by its course staff (instructors, facility admins, admins over it).
 */
@Injectable()
export class ChannelAccess {
  constructor(private readonly access: AccessPolicy) {}

  /** 403 unless `principal` may create a channel owned by `facilityId` (null: national). */
  async assertMayCreate(principal: Principal, facilityId: string | null): Promise<void> {
    if (facilityId === null) {
      if (isPlatformAdmin(principal)) return;
      throw new TelevisionError('FORBIDDEN', 'Only platform admins create national channels');
    }
    if (!(await this.access.scopes().exists({ scopeType: 'facility', scopeId: facilityId })))
      throw TelevisionError.invalid({ facilityId: [`There is no facility ${facilityId}`] });
    if (
      !(await this.access.covers(principal, CHANNEL_CREATORS, {
        scopeType: 'facility',
        scopeId: facilityId,
      }))
    )
      throw new TelevisionError(
        'FORBIDDEN',
        "Only the facility's admins and platform admins create its channels",
      );
  }

  /** True when `principal` may put slots on, move or cancel slots of the channel. */
  async maySchedule(principal: Principal, channel: ChannelOwner): Promise<boolean> {
    if (channel.facilityId === null) return isPlatformAdmin(principal);
    return this.access.covers(principal, AUTHOR_ROLES, {
      scopeType: 'facility',
      scopeId: channel.facilityId,
    });
  }

  /** 403 unless {@link maySchedule}. */
  async assertMaySchedule(principal: Principal, channel: ChannelOwner): Promise<void> {
    if (await this.maySchedule(principal, channel)) return;
    throw new TelevisionError(
      'FORBIDDEN',
      channel.facilityId === null
        ? 'Only platform admins schedule on a national channel'
        : "Only the staff of the channel's facility schedule on it",
    );
  }
}
