import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { RETURN_TO_MAX_LENGTH } from '../sso/return-to';

export class OidcStartQuery {
  @ApiPropertyOptional({
    maxLength: RETURN_TO_MAX_LENGTH,
    example: '/my-learning',
    description:
      'Where to land after signing in: a path of this site (default `/`); absolute URLs, `//host` and backslashes are refused (400)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(RETURN_TO_MAX_LENGTH)
  returnTo?: string;
}

export class OidcProviderResponse {
  @ApiProperty({ example: 'vneid', description: 'Used in the start route' })
  id!: string;

  @ApiProperty({ example: 'VNeID', description: 'Shown as "Sign in with <name>"' })
  name!: string;
}
