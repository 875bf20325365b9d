import { UserLookup } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import type { DigestMode } from '../preferences/notification-preference.entity';
import { NotificationPreferencesRepository } from '../preferences/notification-preferences.repository';
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

/**
 * Reads recipients in batches: identity's contact details (email, name, locale — the only
 * identity data notifications use) through its lookup, then the preferences, both by primary
 * key. Unknown ids (deleted accounts) are simply absent from the answer.
 */
@Injectable()
export class RecipientDirectory {
  constructor(
    private readonly people: UserLookup,
    private readonly preferences: NotificationPreferencesRepository,
  ) {}

  async find(userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    const contacts = await this.people.contacts(userIds);
    if (contacts.length === 0) return [];
    const chosen = await this.preferences.findMany(contacts.map((contact) => contact.userId));
    const byUser = new Map(chosen.map((preference) => [preference.userId, preference]));
    return contacts.map((contact) => {
      const preference = byUser.get(contact.userId);
      return {
        ...contact,
        emailEnabled: preference?.email ?? true,
        digest: preference?.digest === 'daily' ? 'daily' : 'off',
        timeZone:
          preference && isTimeZone(preference.timeZone) ? preference.timeZone : DEFAULT_TIME_ZONE,
      };
    });
  }

  async findOne(userId: string): Promise<Recipient | null> {
    return (await this.find([userId]))[0] ?? null;
  }
}
