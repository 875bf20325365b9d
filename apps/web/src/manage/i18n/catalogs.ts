import { complianceEn } from './compliance-en';
import { complianceVi } from './compliance-vi';
import { navEn } from './nav-en';
import { navVi } from './nav-vi';

/**
 * The training-management area's texts by language. Each page keeps its texts in its own pair
 * of files under a key of its own, merged here, so pages are added without touching each
 * other's texts.
 */
export const manageVi = { nav: navVi, compliance: complianceVi };
export type ManageMessages = typeof manageVi;
export const manageEn: ManageMessages = { nav: navEn, compliance: complianceEn };
