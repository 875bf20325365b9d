import { Module } from '@nestjs/common';
import { AdminUnitsController } from './http/admin-units.controller';
import { FacilitiesController } from './http/facilities.controller';
import { OrgUnitsController } from './http/org-units.controller';
import { ScopesController } from './http/scopes.controller';
import { StaffImportsController } from './http/staff-imports.controller';
import { OrganizationsModule } from './organizations.module';

/** The organizations routes (api process only). */
@Module({
  imports: [OrganizationsModule],
  controllers: [
    AdminUnitsController,
    FacilitiesController,
    OrgUnitsController,
    ScopesController,
    StaffImportsController,
  ],
})
export class OrganizationsHttpModule {}
