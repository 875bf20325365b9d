import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { Channel } from '../channels/channel.entity';

export class CreateChannelDto {
  @ApiProperty({ example: 'VTV7', description: 'Letters, digits, - and _' })
  @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'code must be 2–40 letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'VTV7 — Kênh Giáo dục Quốc gia' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({
    description:
      'The owning facility, whose staff schedule on the channel; absent for a national channel (platform admins only)',
  })
  @IsOptional()
  @IsUUID()
  facilityId?: string;
}

export class ChannelDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for a national channel' })
  facilityId!: string | null;

  static from(channel: Channel): ChannelDto {
    return Object.assign(new ChannelDto(), {
      id: channel.id,
      code: channel.code,
      name: channel.name,
      description: channel.description,
      facilityId: channel.facilityId,
    });
  }
}

export class ChannelListDto {
  @ApiProperty({ type: [ChannelDto] }) items!: ChannelDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
