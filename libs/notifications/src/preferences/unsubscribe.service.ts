import { Injectable } from '@nestjs/common';
import { UnsubscribeTokens } from '../email/unsubscribe-tokens.service';
import { NotificationError } from '../notification-error';
import { RecipientDirectory } from '../recipients/recipient-directory.service';
import { type Language, languageOf } from '../templates/language';
import { NotificationPreferencesService } from './notification-preferences.service';

/** The one-click unsubscribe behind the link in every email (token-guarded, no sign-in). */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly preferences: NotificationPreferencesService,
    private readonly directory: RecipientDirectory,
  ) {}

  /** Checks the token and tells the page which language to speak; changes nothing. */
  async check(token: string): Promise<{ language: Language }> {
    return { language: await this.languageOf(this.userOf(token)) };
  }

  /** Turns the token holder's notification emails off; a tampered token changes nothing. */
  async unsubscribe(token: string): Promise<{ language: Language }> {
    const userId = this.userOf(token);
    await this.preferences.unsubscribe(userId);
    return { language: await this.languageOf(userId) };
  }

  private userOf(token: string): string {
    const userId = this.tokens.verify(token);
    if (!userId)
      throw new NotificationError(
        'UNSUBSCRIBE_TOKEN_INVALID',
        'This unsubscribe link is not valid; use the link from your latest email',
      );
    return userId;
  }

  private async languageOf(userId: string): Promise<Language> {
    return languageOf((await this.directory.findOne(userId))?.locale);
  }
}
