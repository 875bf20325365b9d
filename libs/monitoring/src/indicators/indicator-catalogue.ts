/**
 * The programme's indicators, listed in one place (domain.md, Programme monitoring): each has a
 * code, a name in Vietnamese and English, a unit and a written definition, and says whether the
 * platform computes it or a facility reports it. `countsPeople` marks the figures shown as
 * "< 5" when they are about fewer than five people; it is not part of the public answer.
 */
export interface Indicator {
  code: IndicatorCode;
  name: { vi: string; en: string };
  unit:
    | 'facilities'
    | 'people'
    | 'enrollments'
    | 'certificates'
    | 'hours'
    | 'percent'
    | 'airings'
    | 'attendances'
    | 'classes'
    | 'civil_servants';
  definition: string;
  source: 'computed' | 'reported';
  countsPeople: boolean;
}

export const INDICATOR_CODES = [
  'facilities',
  'active_facilities',
  'learners',
  'enrollments',
  'completions',
  'completion_rate',
  'learning_hours',
  'certificates_issued',
  'television_airings',
  'television_attendances',
  'television_group_attendances',
  'trained_civil_servants_central',
  'trained_civil_servants_province',
  'trained_civil_servants_district',
  'trained_civil_servants_commune',
  'offline_classes',
  'offline_class_learners',
] as const;

export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** Every figure of a unit, by code, before privacy rules. */
export type Figures = Record<IndicatorCode, number>;

/** One definition for the four levels of trained civil servants. */
const TRAINED_DEFINITION = (level: string): string =>
  `Civil servants who, at the end of the period (or now, for the current period), were members of ` +
  `an agency of the ${level} level (an org unit of that level, or a unit below one) and were ` +
  'trained to standard: they held at least one completed mandated training still valid (not ' +
  'expired) and none of their mandated trainings was overdue (past its due date, not completed ' +
  'and not closed). Counted once per person and level; whole country only, across facility types.';

export const INDICATORS: readonly Indicator[] = [
  {
    code: 'facilities',
    name: { vi: 'Số cơ sở giáo dục thường xuyên', en: 'Continuing-education facilities' },
    unit: 'facilities',
    definition:
      'Facilities registered in the administrative unit and the units below it by the end of the ' +
      'period; with a facility type, the facilities of that type.',
    source: 'computed',
    countsPeople: false,
  },
  {
    code: 'active_facilities',
    name: { vi: 'Số cơ sở hoạt động', en: 'Active facilities' },
    unit: 'facilities',
    definition:
      'Facilities that ran a course with learners in the period: at least one learner enrolled ' +
      'in or completed one of its courses during the period.',
    source: 'computed',
    countsPeople: false,
  },
  {
    code: 'learners',
    name: { vi: 'Số người học', en: 'Distinct learners' },
    unit: 'people',
    definition:
      'People who enrolled in or completed a course of the facilities in scope during the ' +
      'period, each counted once however many courses they took.',
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'enrollments',
    name: { vi: 'Số lượt ghi danh', en: 'Enrollments' },
    unit: 'enrollments',
    definition:
      'Seats taken in courses of the facilities in scope, counted in the period the learner ' +
      'joined; waitlisted learners count once they have a seat, withdrawn ones do not count.',
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'completions',
    name: { vi: 'Số lượt hoàn thành', en: 'Completions' },
    unit: 'enrollments',
    definition:
      'Enrollments completed during the period (every required lesson done), in courses of the ' +
      'facilities in scope.',
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'completion_rate',
    name: { vi: 'Tỷ lệ hoàn thành', en: 'Completion rate' },
    unit: 'percent',
    definition:
      'Completions in the period ÷ enrollments in the period × 100, with one decimal; 0 when ' +
      'there were no enrollments. Hidden whenever either count is hidden.',
    source: 'computed',
    countsPeople: false,
  },
  {
    code: 'learning_hours',
    name: { vi: 'Số giờ học', en: 'Learning hours' },
    unit: 'hours',
    definition:
      'The stated hours of each course completed during the period, summed over completions ' +
      '(a course without stated hours adds none). Hidden whenever completions are hidden, ' +
      'since the hours would give them away.',
    source: 'computed',
    countsPeople: false,
  },
  {
    code: 'certificates_issued',
    name: { vi: 'Số chứng chỉ đã cấp', en: 'Certificates issued' },
    unit: 'certificates',
    definition:
      'Certificates issued during the period for completed courses of the facilities in scope, ' +
      'including certificates revoked later.',
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'television_airings',
    name: { vi: 'Số buổi phát sóng bài giảng', en: 'Television airings' },
    unit: 'airings',
    definition:
      'Airings of television lessons of courses of the facilities in scope that started during ' +
      'the period; cancelled airings do not count.',
    source: 'computed',
    countsPeople: false,
  },
  {
    code: 'television_attendances',
    name: { vi: 'Lượt xem truyền hình có điểm danh', en: 'Television attendances' },
    unit: 'attendances',
    definition:
      'Learners who recorded their own presence at an airing with its attendance code during ' +
      'the period, once per learner and airing.',
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'television_group_attendances',
    name: { vi: 'Lượt xem truyền hình theo nhóm', en: 'Group television attendances' },
    unit: 'attendances',
    definition:
      'Learners recorded present at an airing by a facilitator of a viewing centre during the ' +
      'period (voided records do not count), once per learner and airing.',
    source: 'computed',
    countsPeople: true,
  },
  // Mandated training, by the level of the agency (the org unit's own level, or the nearest
  // level set above it); the whole country only, since org units are not placed in
  // administrative units.
  {
    code: 'trained_civil_servants_central',
    name: {
      vi: 'Số cán bộ, công chức trung ương được bồi dưỡng đạt chuẩn',
      en: 'Civil servants trained to standard (central agencies)',
    },
    unit: 'civil_servants',
    definition: TRAINED_DEFINITION('central'),
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'trained_civil_servants_province',
    name: {
      vi: 'Số cán bộ, công chức cấp tỉnh được bồi dưỡng đạt chuẩn',
      en: 'Civil servants trained to standard (province agencies)',
    },
    unit: 'civil_servants',
    definition: TRAINED_DEFINITION('province'),
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'trained_civil_servants_district',
    name: {
      vi: 'Số cán bộ, công chức cấp huyện được bồi dưỡng đạt chuẩn',
      en: 'Civil servants trained to standard (district agencies)',
    },
    unit: 'civil_servants',
    definition: TRAINED_DEFINITION('district'),
    source: 'computed',
    countsPeople: true,
  },
  {
    code: 'trained_civil_servants_commune',
    name: {
      vi: 'Số cán bộ, công chức cấp xã được bồi dưỡng đạt chuẩn',
      en: 'Civil servants trained to standard (commune agencies)',
    },
    unit: 'civil_servants',
    definition: TRAINED_DEFINITION('commune'),
    source: 'computed',
    countsPeople: true,
  },
  // Reported: what the platform cannot see, summed from the accepted yearly facility reports
  // (a form field names the indicator it feeds); yearly only, a quarter reads 0.
  {
    code: 'offline_classes',
    name: { vi: 'Số lớp học trực tiếp', en: 'Offline classes' },
    unit: 'classes',
    definition:
      'Classes the facilities in scope held in person during the year, as their accepted yearly ' +
      'reports state; yearly figures only.',
    source: 'reported',
    countsPeople: false,
  },
  {
    code: 'offline_class_learners',
    name: { vi: 'Số người học lớp trực tiếp', en: 'Offline class learners' },
    unit: 'people',
    definition:
      'People who attended classes the facilities in scope held in person during the year, as ' +
      'their accepted yearly reports state; yearly figures only.',
    source: 'reported',
    countsPeople: true,
  },
];

/** The indicators a yearly facility report feeds (a form field may name one of these). */
export const REPORTED_INDICATOR_CODES: readonly IndicatorCode[] = INDICATORS.filter(
  (indicator) => indicator.source === 'reported',
).map((indicator) => indicator.code);

/** The codes of the figures that count people (shown as "< 5" under five). */
export const PEOPLE_COUNTS: readonly IndicatorCode[] = INDICATORS.filter(
  (indicator) => indicator.countsPeople,
).map((indicator) => indicator.code);

/** completions ÷ enrollments × 100 with one decimal (1 of 6 is 16.7); 0 without enrollments. */
export const completionRate = (completions: number, enrollments: number): number =>
  enrollments === 0 ? 0 : Math.round((completions * 1000) / enrollments) / 10;
