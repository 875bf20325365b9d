import { isMissingReference } from '@lifelong/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationError } from '../notification-error';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../templates/language';
import { type DigestMode } from './notification-preference.entity';

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

interface PreferenceRow {
  email: number | string;
  digest: string;
  timeZone: string;
}

/** Reading and changing notification preferences (email on/off, daily digest, time zone). */
@Injectable()
export class NotificationPreferencesService {
  private readonly logger = new Logger(NotificationPreferencesService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<Preferences> {
    const rows = await this.dataSource.query<PreferenceRow[]>(
      'SELECT `email`, `digest`, `time_zone` AS `timeZone` FROM `notification_preferences` WHERE `user_id` = ?',
      [userId],
    );
    const row = rows[0];
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
    await this.dataSource.query(
      'INSERT INTO `notification_preferences` (`user_id`, `email`, `digest`, `time_zone`) VALUES (?, ?, ?, ?) ' +
        'ON DUPLICATE KEY UPDATE `email` = ?, `digest` = ?, `time_zone` = ?',
      [userId, change.email, change.digest, timeZone, change.email, change.digest, timeZone],
    );
    return this.get(userId);
  }

  /**
   * One-click unsubscribe: every notification email off (the inbox keeps working). A token of an
   * account deleted since changes nothing.
   */
  async unsubscribe(userId: string): Promise<void> {
    try {
      await this.dataSource.query(
        'INSERT INTO `notification_preferences` (`user_id`, `email`) VALUES (?, 0) ' +
          'ON DUPLICATE KEY UPDATE `email` = 0',
        [userId],
      );
    } catch (error) {
      // The account is gone (the row's foreign key says so): there is no one to stop writing to.
      if (isMissingReference(error)) return;
      throw error;
    }
    this.logger.log(`User ${userId} unsubscribed from notification emails`);
  }
}
