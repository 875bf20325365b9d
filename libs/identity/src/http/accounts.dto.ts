import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  canonicalEmail,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../users/user-input';
import { IsAcceptablePassword } from './input-validators';

const passwordDoc = {
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  format: 'password',
  description: 'Not the account’s email',
} as const;

export class ForgotPasswordDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? canonicalEmail(value) : value,
  )
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email!: string;
}

/** The token of an emailed link and the password to set (invitation or reset). */
export class SetPasswordWithTokenDto {
  @ApiProperty({ description: 'The token from the emailed link (after `#token=`)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token must be a link token' })
  token!: string;

  @ApiProperty(passwordDoc)
  @IsAcceptablePassword()
  password!: string;
}

export class ChangePasswordDto {
  // Any string a valid password could be; longer input is refused before hashing.
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH * 2)
  currentPassword!: string;

  @ApiProperty(passwordDoc)
  @IsAcceptablePassword()
  newPassword!: string;
}

export class SessionResponseItem {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The browser or app, as it said' })
  userAgent!: string | null;
  @ApiProperty({ description: 'The session of the access token making this request' })
  current!: boolean;
}

export class SessionListResponse {
  @ApiProperty({ type: [SessionResponseItem] }) items!: SessionResponseItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
