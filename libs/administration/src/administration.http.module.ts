import { AuditModule } from '@lifelong/audit';
import { IdentityModule } from '@lifelong/identity';
import { OrganizationsModule } from '@lifelong/organizations';
import { Module } from '@nestjs/common';
import { AuditBrowser } from './audit/audit-browser.service';
import { AdminAuditController } from './http/admin-audit.controller';
import { AdminUsersController } from './http/admin-users.controller';
import { PeopleRepository } from './people.repository';
import { ReaderPlacesResolver } from './reader-places.service';
import { ReaderPlacesRepository } from './reader-places.repository';
import { UserAdministration } from './users/user-administration.service';
import { UserDirectory } from './users/user-directory.service';
import { UserDirectoryRepository } from './users/user-directory.repository';
import { UserPages } from './users/user-page.service';
import { UserPageRepository } from './users/user-page.repository';

/** The administrators' routes: user search, the user page, the audit log (api only). */
@Module({
  imports: [IdentityModule, OrganizationsModule, AuditModule],
  controllers: [AdminUsersController, AdminAuditController],
  providers: [
    AuditBrowser,
    PeopleRepository,
    ReaderPlacesResolver,
    ReaderPlacesRepository,
    UserAdministration,
    UserDirectory,
    UserDirectoryRepository,
    UserPages,
    UserPageRepository,
  ],
})
export class AdministrationHttpModule {}
