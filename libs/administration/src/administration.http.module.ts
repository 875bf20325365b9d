import { AuditModule } from '@lifelong/audit';
import { IdentityModule } from '@lifelong/identity';
import { OrganizationsModule } from '@lifelong/organizations';
import { Module } from '@nestjs/common';
import { AuditBrowser } from './audit/audit-browser';
import { AdminAuditController } from './http/admin-audit.controller';
import { AdminUsersController } from './http/admin-users.controller';
import { ReaderPlacesResolver } from './reader-places';
import { UserAdministration } from './users/user-administration';
import { UserDirectory } from './users/user-directory';
import { UserPages } from './users/user-page';

/** The administrators' routes: user search, the user page, the audit log (api only). */
@Module({
  imports: [IdentityModule, OrganizationsModule, AuditModule],
  controllers: [AdminUsersController, AdminAuditController],
  providers: [AuditBrowser, ReaderPlacesResolver, UserAdministration, UserDirectory, UserPages],
})
export class AdministrationHttpModule {}
