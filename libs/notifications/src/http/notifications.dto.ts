import { PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { InboxItem } from '../inbox/inbox.service';
import { NOTIFICATION_KINDS } from '../kinds/notification-kind';
import { DIGEST_MODES, type DigestMode } from '../preferences/notification-preference.entity';
import type { Preferences } from '../preferences/notification-preferences.service';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === ''
    ? undefined
    : value === 'true' || value === '1'
      ? true
      : value === 'false' || value === '0'
        ? false
        : value;

export class InboxQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only notifications not read yet' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, description: 'More kinds come with later features' })
  kind!: string;
  @ApiProperty({ description: "In the reader's language" }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Ids and the display snapshot the notification was made from',
  })
  data!: Record<string, string>;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;

  static from(item: InboxItem): NotificationDto {
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      data: { ...item.data },
      createdAt: item.createdAt.toISOString(),
      readAt: item.readAt ? item.readAt.toISOString() : null,
    };
  }
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'false: inbox only, no email at all (digests included)' })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({
    enum: DIGEST_MODES,
    description: 'daily: one email a day instead of one per notification',
  })
  @IsIn(DIGEST_MODES)
  digest!: DigestMode;

  @ApiPropertyOptional({
    example: 'Asia/Ho_Chi_Minh',
    description:
      'IANA time zone for the digest hour and times in messages; absent keeps the current one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  static from(preferences: Preferences): NotificationPreferencesDto {
    const { email, digest, timeZone } = preferences;
    return { email, digest, timeZone };
  }
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The signed token from the email link' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class UnsubscribedDto {
  @ApiProperty({ enum: [false] }) email!: false;
}
