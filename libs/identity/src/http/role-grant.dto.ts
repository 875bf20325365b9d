import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role, SCOPE_TYPES, type ScopeType } from '../auth/auth-decision';

export class RoleGrantDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    enum: SCOPE_TYPES,
    nullable: true,
    description: 'With scopeId; omit both for an unscoped grant',
  })
  @IsOptional()
  @IsIn(SCOPE_TYPES)
  scopeType?: ScopeType | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 36 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  scopeId?: string | null;
}
