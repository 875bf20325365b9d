import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { type DigestMode, NotificationPreference } from './notification-preference.entity';

/** A preferences row as MariaDB returns it. */
export interface PreferenceRow {
  email: number | string;
  digest: string;
  timeZone: string;
}

/** The `notification_preferences` rows, one per person who changed a default. */
@Injectable()
export class NotificationPreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The preferences of those of these people who changed a default (primary-key read). */
  findMany(userIds: readonly string[]): Promise<NotificationPreference[]> {
    return this.dataSource
      .getRepository(NotificationPreference)
      .findBy({ userId: In([...userIds]) });
  }

  async find(userId: string): Promise<PreferenceRow | null> {
    const rows = await this.dataSource.query<PreferenceRow[]>(
      'SELECT `email`, `digest`, `time_zone` AS `timeZone` FROM `notification_preferences` WHERE `user_id` = ?',
      [userId],
    );
    return rows[0] ?? null;
  }

  async save(
    userId: string,
    preferences: { email: boolean; digest: DigestMode; timeZone: string },
  ): Promise<void> {
    const { email, digest, timeZone } = preferences;
    await this.dataSource.query(
      'INSERT INTO `notification_preferences` (`user_id`, `email`, `digest`, `time_zone`) VALUES (?, ?, ?, ?) ' +
        'ON DUPLICATE KEY UPDATE `email` = ?, `digest` = ?, `time_zone` = ?',
      [userId, email, digest, timeZone, email, digest, timeZone],
    );
  }

  /** Email off, the rest as it was; fails on the foreign key when the account is gone. */
  async turnEmailOff(userId: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO `notification_preferences` (`user_id`, `email`) VALUES (?, 0) ' +
        'ON DUPLICATE KEY UPDATE `email` = 0',
      [userId],
    );
  }
}
