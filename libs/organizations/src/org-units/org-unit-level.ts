/** The level of government an agency belongs to (domain.md, Programme monitoring). */
export const ORG_UNIT_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];
