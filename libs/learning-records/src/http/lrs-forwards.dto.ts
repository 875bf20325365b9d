import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
} from 'class-validator';
import type { LrsForward } from '../forwarding/lrs-forward';

export class RegisterLrsForwardBody {
  @ApiProperty({ description: 'Which store this is (a ministry LRS, a research partner)' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    description: 'The remote xAPI base URL (http or https); statements go to <endpoint>/statements',
    example: 'https://lrs.example.org/xapi',
  })
  @IsString()
  @Length(1, 2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  endpoint!: string;

  @ApiProperty({ description: 'The Basic user name the remote issued' })
  @IsString()
  @Length(1, 255)
  // A colon would split the Basic credentials elsewhere than meant.
  @Matches(/^[^:]+$/)
  key!: string;

  @ApiProperty({ description: 'The Basic password the remote issued; never shown again' })
  @IsString()
  @Length(1, 255)
  secret!: string;

  @ApiPropertyOptional({
    description: 'Only statements with one of these verb IRIs; absent or empty: every statement',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  verbs?: string[];
}

export class LrsForwardDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() endpoint!: string;
  @ApiProperty({ description: 'The Basic user name sent (the secret is never returned)' })
  key!: string;
  @ApiProperty({ nullable: true, type: [String], description: 'null: every statement' })
  verbs!: string[] | null;
  @ApiProperty({
    description: 'Stored order of the last statement the remote accepted ("0": none)',
  })
  forwardedSeq!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last run failed' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;

  static from(forward: LrsForward): LrsForwardDto {
    return {
      id: forward.id,
      name: forward.name,
      endpoint: forward.endpoint,
      key: forward.key,
      verbs: forward.verbs,
      forwardedSeq: forward.forwardedSeq,
      lastError: forward.lastError,
      createdBy: forward.createdBy,
      createdAt: forward.createdAt.toISOString(),
      revokedAt: forward.revokedAt?.toISOString() ?? null,
    };
  }
}

export class LrsForwardPageDto {
  @ApiProperty({ type: [LrsForwardDto] }) items!: LrsForwardDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
