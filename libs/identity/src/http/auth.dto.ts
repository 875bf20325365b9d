import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  EMAIL_MAX_LENGTH,
  FULL_NAME_MAX_LENGTH,
  normalizeEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../users/user-input';
import { IsAcceptablePassword, IsFullName } from './input-validators';

const toNormalizedEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? normalizeEmail(value) : value;

export class RegisterDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH, example: 'lan.nguyen@example.vn' })
  @Transform(toNormalizedEmail)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
  })
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ maxLength: FULL_NAME_MAX_LENGTH, example: 'Nguyễn Thị Lan' })
  @IsFullName()
  fullName!: string;
}

export class LoginDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @Transform(toNormalizedEmail)
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  // Any string a valid password could be; longer input is refused before hashing.
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH * 2)
  password!: string;
}

export class RefreshTokenDto {
  @ApiPropertyOptional({
    description:
      'The refresh token from login, register or the last refresh; without it, the lifelong_refresh cookie (the web app) is read',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}
