/** The kinds of continuing-education facility in the national network. */
export const FACILITY_TYPES = [
  'provincial_ce_center',
  'district_vocational_ce_center',
  'community_learning_center',
  'foreign_language_it_center',
  'life_skills_center',
  'university',
  'other',
] as const;

export type FacilityType = (typeof FACILITY_TYPES)[number];
