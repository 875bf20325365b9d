import { User } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  NotificationPreference,
  type DigestMode,
} from '../preferences/notification-preference.entity';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../templates/language';

/** What notifications need to know about a person: identity's account plus their preferences. */
export interface Recipient {
  userId: string;
  email: string;
  fullName: string;
  locale: string;
  emailEnabled: boolean;
  digest: DigestMode;
  timeZone: string;
}

interface RecipientRow {
  userId: string;
  email: string;
  fullName: string;
  locale: string;
  emailEnabled: number | string | null;
  digest: string | null;
  timeZone: string | null;
}

const toRecipient = (row: RecipientRow): Recipient => ({
  userId: row.userId,
  email: row.email,
  fullName: row.fullName,
  locale: row.locale,
  emailEnabled: row.emailEnabled === null || Number(row.emailEnabled) === 1,
  digest: row.digest === 'daily' ? 'daily' : 'off',
  timeZone: row.timeZone && isTimeZone(row.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE,
});

/**
 * Reads recipients in batches: identity's account (email, name, locale — the only identity data
 * notifications use) with the preferences, in one query on both primary keys. Unknown ids
 * (deleted accounts) are simply absent from the answer.
 */
@Injectable()
export class RecipientDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('u.id', 'userId')
      .addSelect('u.email', 'email')
      .addSelect('u.fullName', 'fullName')
      .addSelect('u.locale', 'locale')
      .addSelect('p.email', 'emailEnabled')
      .addSelect('p.digest', 'digest')
      .addSelect('p.timeZone', 'timeZone')
      .from(User, 'u')
      .leftJoin(NotificationPreference, 'p', 'p.userId = u.id')
      .where('u.id IN (:...userIds)', { userIds })
      .getRawMany<RecipientRow>();
    return rows.map(toRecipient);
  }

  async findOne(userId: string): Promise<Recipient | null> {
    return (await this.find([userId]))[0] ?? null;
  }
}
