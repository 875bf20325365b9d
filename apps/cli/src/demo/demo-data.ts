import type { FacilityType, OrgUnitLevel } from '@lifelong/organizations';
import type { Role, ScopeType } from '@lifelong/identity';

/**
 * The demo world: a few provinces (two-tier since 2025: province → commune; `level` is data),
 * a facility of every type, the Ministry of Education and Training with departments and staff,
 * a provincial department, and one account for every role.
 */

export interface DemoAdminUnit {
  code: string;
  name: string;
  level: string;
  parentCode?: string;
}

export const DEMO_ADMIN_UNITS: DemoAdminUnit[] = [
  { code: 'VN-01', name: 'Thành phố Hà Nội', level: 'province' },
  { code: 'VN-01-HOANKIEM', name: 'Phường Hoàn Kiếm', level: 'commune', parentCode: 'VN-01' },
  { code: 'VN-01-BADINH', name: 'Phường Ba Đình', level: 'commune', parentCode: 'VN-01' },
  { code: 'VN-01-CAUGIAY', name: 'Phường Cầu Giấy', level: 'commune', parentCode: 'VN-01' },
  { code: 'VN-01-SOCSON', name: 'Xã Sóc Sơn', level: 'commune', parentCode: 'VN-01' },
  { code: 'VN-01-BAVI', name: 'Xã Ba Vì', level: 'commune', parentCode: 'VN-01' },
  { code: 'VN-79', name: 'Thành phố Hồ Chí Minh', level: 'province' },
  { code: 'VN-79-SAIGON', name: 'Phường Sài Gòn', level: 'commune', parentCode: 'VN-79' },
  { code: 'VN-79-BENTHANH', name: 'Phường Bến Thành', level: 'commune', parentCode: 'VN-79' },
  { code: 'VN-79-CUCHI', name: 'Xã Củ Chi', level: 'commune', parentCode: 'VN-79' },
  { code: 'VN-79-CANGIO', name: 'Xã Cần Giờ', level: 'commune', parentCode: 'VN-79' },
  { code: 'VN-19', name: 'Tỉnh Thái Nguyên', level: 'province' },
  {
    code: 'VN-19-PHANDINHPHUNG',
    name: 'Phường Phan Đình Phùng',
    level: 'commune',
    parentCode: 'VN-19',
  },
  { code: 'VN-19-DAITU', name: 'Xã Đại Từ', level: 'commune', parentCode: 'VN-19' },
  { code: 'VN-15', name: 'Tỉnh Lào Cai', level: 'province' },
  { code: 'VN-15-SAPA', name: 'Phường Sa Pa', level: 'commune', parentCode: 'VN-15' },
  { code: 'VN-15-BATXAT', name: 'Xã Bát Xát', level: 'commune', parentCode: 'VN-15' },
];

export interface DemoFacility {
  code: string;
  name: string;
  type: FacilityType;
  adminUnitCode: string;
}

export const DEMO_FACILITIES: DemoFacility[] = [
  {
    code: 'GDTX-TN',
    name: 'Trung tâm Giáo dục thường xuyên tỉnh Thái Nguyên',
    type: 'provincial_ce_center',
    adminUnitCode: 'VN-19-PHANDINHPHUNG',
  },
  {
    code: 'GDNN-GDTX-SOCSON',
    name: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên Sóc Sơn',
    type: 'district_vocational_ce_center',
    adminUnitCode: 'VN-01-SOCSON',
  },
  {
    code: 'HTCD-BAVI',
    name: 'Trung tâm học tập cộng đồng xã Ba Vì',
    type: 'community_learning_center',
    adminUnitCode: 'VN-01-BAVI',
  },
  {
    code: 'HTCD-BATXAT',
    name: 'Trung tâm học tập cộng đồng xã Bát Xát',
    type: 'community_learning_center',
    adminUnitCode: 'VN-15-BATXAT',
  },
  {
    code: 'HTCD-CANGIO',
    name: 'Trung tâm học tập cộng đồng xã Cần Giờ',
    type: 'community_learning_center',
    adminUnitCode: 'VN-79-CANGIO',
  },
  {
    code: 'NNTH-BENTHANH',
    name: 'Trung tâm Ngoại ngữ - Tin học Bến Thành',
    type: 'foreign_language_it_center',
    adminUnitCode: 'VN-79-BENTHANH',
  },
  {
    code: 'KNS-CAUGIAY',
    name: 'Trung tâm Kỹ năng sống Cầu Giấy',
    type: 'life_skills_center',
    adminUnitCode: 'VN-01-CAUGIAY',
  },
  {
    code: 'DH-MO-HN',
    name: 'Trường Đại học Mở Hà Nội',
    type: 'university',
    adminUnitCode: 'VN-01-BADINH',
  },
  { code: 'TV-LAOCAI', name: 'Thư viện tỉnh Lào Cai', type: 'other', adminUnitCode: 'VN-15-SAPA' },
];

export interface DemoOrgUnit {
  code: string;
  name: string;
  parentCode?: string;
  /** The agency's level; its departments take none and count at the agency's. */
  level?: OrgUnitLevel;
}

export const DEMO_ORG_UNITS: DemoOrgUnit[] = [
  { code: 'BGDDT', name: 'Bộ Giáo dục và Đào tạo', level: 'central' },
  { code: 'BGDDT-VP', name: 'Văn phòng Bộ', parentCode: 'BGDDT' },
  {
    code: 'BGDDT-GDNN-GDTX',
    name: 'Vụ Giáo dục nghề nghiệp và Giáo dục thường xuyên',
    parentCode: 'BGDDT',
  },
  { code: 'BGDDT-TCCB', name: 'Vụ Tổ chức cán bộ', parentCode: 'BGDDT' },
  { code: 'BGDDT-NGCBQL', name: 'Cục Nhà giáo và Cán bộ quản lý giáo dục', parentCode: 'BGDDT' },
  { code: 'BGDDT-TTR', name: 'Thanh tra Bộ', parentCode: 'BGDDT' },
  { code: 'SGDDT-HN', name: 'Sở Giáo dục và Đào tạo Hà Nội', level: 'province' },
  { code: 'SGDDT-HN-GDTX', name: 'Phòng Giáo dục thường xuyên', parentCode: 'SGDDT-HN' },
  { code: 'SGDDT-HN-TCCB', name: 'Phòng Tổ chức cán bộ', parentCode: 'SGDDT-HN' },
  { code: 'PGDDT-BADINH', name: 'Phòng Giáo dục và Đào tạo quận Ba Đình', level: 'district' },
  { code: 'UBND-PHUCXA', name: 'Ủy ban nhân dân phường Phúc Xá', level: 'commune' },
];

/** Everyone in the table below signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'Lifelong@2026';

export interface DemoPlacement {
  employeeCode: string;
  orgUnitCode: string;
  position: string;
  jobGrade: string;
}

import { DEMO_PROVINCE_LEARNERS } from './demo-enrollments-data';

export interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  scope?: { scopeType: ScopeType; code: string };
  /** Civil servants also have an employee code and a unit. */
  staff?: DemoPlacement;
}

export interface DemoStaffMember extends DemoPlacement {
  fullName: string;
  email: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'hocvien@demo.lifelong.local', fullName: 'Nguyễn Thị Lan', role: 'learner' },
  {
    email: 'giangvien@demo.lifelong.local',
    fullName: 'Trần Văn Minh',
    role: 'instructor',
    scope: { scopeType: 'facility', code: 'DH-MO-HN' },
  },
  {
    email: 'quanlycoso@demo.lifelong.local',
    fullName: 'Lê Thị Hồng',
    role: 'facility_admin',
    scope: { scopeType: 'facility', code: 'DH-MO-HN' },
  },
  {
    email: 'canbodaotao@demo.lifelong.local',
    fullName: 'Phạm Quốc Huy',
    role: 'org_manager',
    scope: { scopeType: 'org_unit', code: 'BGDDT' },
    staff: {
      employeeCode: 'BGD-0001',
      orgUnitCode: 'BGDDT-TCCB',
      position: 'Chuyên viên chính',
      jobGrade: '01.002',
    },
  },
  {
    email: 'thanhtra@demo.lifelong.local',
    fullName: 'Hoàng Văn Nam',
    role: 'supervisor',
    scope: { scopeType: 'admin_unit', code: 'VN-01' },
  },
  {
    email: 'quantri.hanoi@demo.lifelong.local',
    fullName: 'Đỗ Minh Tuấn',
    role: 'admin',
    scope: { scopeType: 'admin_unit', code: 'VN-01' },
  },
  {
    email: 'congchuc@demo.lifelong.local',
    fullName: 'Vũ Thị Mai',
    role: 'learner',
    staff: {
      employeeCode: 'BGD-0002',
      orgUnitCode: 'BGDDT-GDNN-GDTX',
      position: 'Chuyên viên',
      jobGrade: '01.003',
    },
  },
  // Learners at every stage of an enrollment (see demo-enrollments-data.ts).
  { email: 'hocvien.moi@demo.lifelong.local', fullName: 'Phạm Thu Hà', role: 'learner' },
  { email: 'hocvien.giuakhoa@demo.lifelong.local', fullName: 'Đặng Minh Khoa', role: 'learner' },
  { email: 'hocvien.hoanthanh@demo.lifelong.local', fullName: 'Bùi Thị Thanh', role: 'learner' },
  { email: 'hocvien.chocho@demo.lifelong.local', fullName: 'Lý Văn Phúc', role: 'learner' },
  { email: 'hocvien.rutlui@demo.lifelong.local', fullName: 'Ngô Thị Hoa', role: 'learner' },
  // People learning at the facilities of the other provinces, so that each province's figures
  // count real activity (see demo-enrollments-data.ts, DEMO_PROVINCE_LEARNING).
  ...DEMO_PROVINCE_LEARNERS.map((learner): DemoAccount => ({
    email: learner.email,
    fullName: learner.fullName,
    role: 'learner',
  })),
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Đức', 'Thanh', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Khánh',
  'Linh',
  'Long',
  'Nga',
  'Phúc',
  'Quang',
  'Sơn',
  'Thảo',
  'Trang',
  'Tú',
  'Yến',
  'Đạt',
];
const POSITIONS = [
  'Chuyên viên',
  'Chuyên viên chính',
  'Phó Trưởng phòng',
  'Trưởng phòng',
  'Cán sự',
];
const GRADES = ['01.003', '01.002', '01.001', '01.004'];
const STAFF_UNITS = [
  'BGDDT-VP',
  'BGDDT-GDNN-GDTX',
  'BGDDT-TCCB',
  'BGDDT-NGCBQL',
  'BGDDT-TTR',
  'SGDDT-HN-GDTX',
  'SGDDT-HN-TCCB',
];

const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** Civil servants for the staff CSV: deterministic, so a second run finds the same people. */
export function demoStaff(count = 60): DemoStaffMember[] {
  const rows: DemoStaffMember[] = [];
  for (let i = 0; i < count; i += 1) {
    const family = FAMILY[i % FAMILY.length] ?? 'Nguyễn';
    const middle = MIDDLE[(i * 7) % MIDDLE.length] ?? 'Văn';
    const given = GIVEN[(i * 5) % GIVEN.length] ?? 'An';
    const code = `BGD-${String(i + 101).padStart(4, '0')}`;
    rows.push({
      employeeCode: code,
      fullName: `${family} ${middle} ${given}`,
      email: `${ascii(given)}.${ascii(family)}.${i + 101}@demo.lifelong.local`,
      orgUnitCode: STAFF_UNITS[i % STAFF_UNITS.length] ?? 'BGDDT-VP',
      position: POSITIONS[i % POSITIONS.length] ?? 'Chuyên viên',
      jobGrade: GRADES[i % GRADES.length] ?? '01.003',
    });
  }
  return rows;
}
