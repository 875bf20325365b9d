import type { RoleGrant } from '../auth/auth-decision';

/** A user as the api shows it (`user` in api.md): no password hash, roles included. */
export interface UserProfile {
  id: string;
  email: string;
  fullName: string;
  locale: string;
  /** IANA time zone, `Asia/Ho_Chi_Minh` unless the person chose another. */
  timeZone: string;
  roles: RoleGrant[];
}
