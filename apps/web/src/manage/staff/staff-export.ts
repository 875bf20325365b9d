import type { TFunction } from 'i18next';
import { csvFile } from '../csv-file';
import { fetchStaffPage, type OrgUnitNode, type StaffFilters, type StaffMember } from './queries';
import { trainingCounts } from './staff-training';

/**
 * Every person matching the filters, read page after page (the table holds only what was
 * scrolled to), as a CSV in the page's language; `progress` hears how many are read.
 */
export async function exportStaff(
  filters: StaffFilters,
  units: ReadonlyMap<string, OrgUnitNode>,
  t: TFunction<'manageStaff'>,
  progress: (done: number, total: number) => void,
): Promise<{ file: Blob; count: number }> {
  const members: StaffMember[] = [];
  for (let page = 1; ; page += 1) {
    const found = await fetchStaffPage(filters, page);
    members.push(...found.items);
    progress(members.length, found.total);
    if (found.items.length === 0 || members.length >= found.total) break;
  }
  const header = [
    t('staff.csv.name'),
    t('staff.csv.unitCode'),
    t('staff.csv.unit'),
    t('staff.csv.position'),
    t('staff.csv.jobGrade'),
    t('staff.csv.account'),
    t('staff.csv.overdue'),
    t('staff.csv.training'),
  ];
  const rows = members.map((member) => {
    const unit = units.get(member.orgUnitId);
    const counts = trainingCounts(member);
    return [
      member.fullName,
      unit?.code ?? '',
      unit?.name ?? '',
      member.position ?? '',
      member.jobGrade ?? '',
      t(`staff.account.${member.accountStatus}`),
      counts.find(([status]) => status === 'overdue')?.[1] ?? 0,
      counts.map(([status, count]) => `${t(`staff.assignment.${status}`)}: ${count}`).join('; '),
    ];
  });
  return { file: csvFile(header, rows), count: members.length };
}
