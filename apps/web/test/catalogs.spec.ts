import { adminOrgEn } from '../src/admin/i18n/en';
import { adminOrgVi } from '../src/admin/i18n/vi';
import { en } from '../src/i18n/en';
import { figuresEn } from '../src/figures/i18n/en';
import { figuresVi } from '../src/figures/i18n/vi';
import { inspectionsEn } from '../src/inspections/i18n/en';
import { inspectionsVi } from '../src/inspections/i18n/vi';
import { manageStaffEn } from '../src/manage/staff/i18n/en';
import { manageStaffVi } from '../src/manage/staff/i18n/vi';
import { manageRequirementsEn } from '../src/manage/requirements/i18n/en';
import { manageRequirementsVi } from '../src/manage/requirements/i18n/vi';
import { vi } from '../src/i18n/vi';
import { manageEn, manageVi } from '../src/manage/i18n/catalogs';
import { studioEn } from '../src/studio/i18n/en';
import { studioVi } from '../src/studio/i18n/vi';
import { studioTvEn } from '../src/studio/television/i18n/en';
import { studioTvVi } from '../src/studio/television/i18n/vi';

/** Every key path of a catalog, e.g. `auth.email`. */
function keys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

// The app's own texts, and the studio's (a namespace that ships with the studio's pages).
describe.each([
  { name: 'app', vi: vi, en: en },
  { name: 'studio', vi: studioVi, en: studioEn },
  { name: 'studio television', vi: studioTvVi, en: studioTvEn },
  { name: 'training management', vi: manageVi, en: manageEn },
  { name: 'staff management', vi: manageStaffVi, en: manageStaffEn },
  { name: 'admin organizations', vi: adminOrgVi, en: adminOrgEn },
  { name: 'manage requirements', vi: manageRequirementsVi, en: manageRequirementsEn },
  { name: 'programme figures', vi: figuresVi, en: figuresEn },
  { name: 'inspections', vi: inspectionsVi, en: inspectionsEn },
])("the web app's texts ($name)", (catalogs) => {
  it('has every Vietnamese key in English and every English key in Vietnamese', () => {
    const viKeys = keys(catalogs.vi);
    const enKeys = keys(catalogs.en);
    expect(viKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !viKeys.includes(key))).toEqual([]);
  });

  it('has no empty text in either language', () => {
    const empty = (catalog: object) =>
      keys(catalog).filter((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(catalogs.vi)).toEqual([]);
    expect(empty(catalogs.en)).toEqual([]);
  });
});
