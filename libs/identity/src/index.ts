export * from './auth/auth-decision';
export * from './users/user.entity';
export * from './identity.module';
export * from './auth/scope';
