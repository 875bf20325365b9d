import { isMissingReference } from '@lifelong/database';
import { Injectable, Logger } from '@nestjs/common';
import { NotificationError } from '../notification-error';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../templates/language';
import { type DigestMode } from './notification-preference.entity';
import { NotificationPreferencesRepository } from './notification-preferences.repository';

/** How a person hears from us. */
export interface Preferences {
  email: boolean;
  digest: DigestMode;
  timeZone: string;
}

/** A change; an absent time zone keeps the current one. */
export interface PreferencesChange {
  email: boolean;
  digest: DigestMode;
  timeZone?: string;
}

const DEFAULTS: Preferences = { email: true, digest: 'off', timeZone: DEFAULT_TIME_ZONE };

/** Reading and changing notification preferences (email on/off, daily digest, time zone). */
@Injectable()
export class NotificationPreferencesService {
  private readonly logger = new Logger(NotificationPreferencesService.name);

  constructor(private readonly preferences: NotificationPreferencesRepository) {}

  async get(userId: string): Promise<Preferences> {
    const row = await this.preferences.find(userId);
    if (!row) return { ...DEFAULTS };
    return {
      email: Number(row.email) === 1,
      digest: row.digest === 'daily' ? 'daily' : 'off',
      timeZone: row.timeZone,
    };
  }

  async update(userId: string, change: PreferencesChange): Promise<Preferences> {
    if (change.timeZone !== undefined && !isTimeZone(change.timeZone))
      throw new NotificationError('VALIDATION_FAILED', 'The request has invalid fields', {
        fields: { timeZone: ['timeZone must be an IANA time zone such as Asia/Ho_Chi_Minh'] },
      });
    const timeZone = change.timeZone ?? (await this.get(userId)).timeZone;
    await this.preferences.save(userId, { email: change.email, digest: change.digest, timeZone });
    return this.get(userId);
  }

  /**
   * One-click unsubscribe: every notification email off (the inbox keeps working). A token of an
   * account deleted since changes nothing.
   */
  async unsubscribe(userId: string): Promise<void> {
    try {
      await this.preferences.turnEmailOff(userId);
    } catch (error) {
      // The account is gone (the row's foreign key says so): there is no one to stop writing to.
      if (isMissingReference(error)) return;
      throw error;
    }
    this.logger.log(`User ${userId} unsubscribed from notification emails`);
  }
}
