import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, SCOPE_TYPES, type ScopeType } from '../auth/auth-decision';
import type { SignedInSession, TokenPair } from '../sessions/sessions.service';
import type { UserProfile } from '../users/user-profile';

export class RoleGrantResponse {
  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: SCOPE_TYPES, nullable: true, type: String })
  scopeType!: ScopeType | null;

  @ApiProperty({ nullable: true, type: String })
  scopeId!: string | null;
}

export class UserResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ example: 'vi' })
  locale!: string;

  @ApiProperty({
    example: 'Asia/Ho_Chi_Minh',
    description: 'IANA time zone; times are shown in it',
  })
  timeZone!: string;

  @ApiProperty({ type: [RoleGrantResponse] })
  roles!: RoleGrantResponse[];

  static from(user: UserProfile): UserResponse {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      locale: user.locale,
      timeZone: user.timeZone,
      roles: user.roles.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })),
    };
  }
}

export class TokenPairResponse {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`; short-lived' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque; exchange it at /auth/refresh (once)' })
  refreshToken!: string;

  static from({ accessToken, refreshToken }: TokenPair): TokenPairResponse {
    return { accessToken, refreshToken };
  }
}

export class SessionResponse extends TokenPairResponse {
  @ApiProperty({ type: UserResponse })
  user!: UserResponse;

  static fromSession(session: SignedInSession): SessionResponse {
    return { user: UserResponse.from(session.user), ...TokenPairResponse.from(session) };
  }
}
