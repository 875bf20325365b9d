import type { ComplianceMessages } from './compliance-vi';

export const complianceEn: ComplianceMessages = {
  title: 'Mandated training compliance',
  intro:
    'The share of people who completed their mandated courses in the unit and the units below it. Choose a unit to look closer.',
  readOnly: 'You are viewing this page read-only.',
  breadcrumb: 'Place in the unit tree',
  home: 'My unit',
  noUnit:
    'Compliance is read per organizational unit. Your account is tied to no organizational unit, so there is no unit to show yet.',
  adminUnitScope:
    'Your scope is an administrative unit; compliance figures exist per organizational unit (ministry, department…), so there is no unit to show yet.',
  areaFigures: 'See the programme figures of your area.',
  figures: {
    title: 'The unit’s figures',
    assigned: 'Assigned',
    completed: 'Completed',
    inProgress: 'In progress',
    overdue: 'Overdue',
    compliant: 'Compliant',
    noStaff: 'No staff assigned',
    noStaffHint: 'Nobody in this unit has been assigned a mandated course yet.',
  },
  children: {
    title: 'Units below',
    caption: 'Compliance by unit below, lowest first',
    unit: 'Unit',
    leaf: 'This unit has no units below it.',
    open: 'Open {{name}}',
  },
  chart: {
    title: 'Compliance by unit below',
    worst:
      'The {{count}} units with the lowest share; the full figures of every unit are in the table above.',
    label: 'Bar chart of compliance by unit; the figures are in the table of units below.',
    series: 'Compliant',
  },
  export: {
    button: 'Download CSV',
    hint: 'One row for each unit in the tree of {{name}}.',
  },
  snapshots: {
    title: 'Snapshots by period',
    intro:
      'A snapshot freezes the figures of a period (year, quarter or month) for reports and later comparison.',
    period: 'Period',
    periodHint: 'For example 2026, 2026-Q4 or 2026-12',
    periodInvalid: 'The period must be YYYY, YYYY-Qn or YYYY-MM.',
    take: 'Take snapshot',
    taken: 'Snapshot of {{period}} taken.',
    exists:
      'A snapshot of {{period}} was already taken. Each period is frozen once so reported figures never change; choose another period.',
    none: 'No period has been frozen yet. Take the first snapshot to start following the trend.',
    noneReadOnly: 'No period has been frozen for this unit yet.',
    trend: 'Compliance over the periods',
    trendLabel: 'Line chart of compliance over the periods; the figures are in the table below.',
    trendCaption: 'Periods frozen',
    takenAt: 'Taken at',
  },
  compare: {
    title: 'Compare two periods',
    from: 'Earlier period',
    to: 'Later period',
    needTwo: 'At least two snapshots are needed to compare.',
    caption: 'Change in compliance from {{from}} to {{to}}',
    change: 'Change',
    up: 'Up {{value}} points',
    down: 'Down {{value}} points',
    same: 'No change',
    missing: 'Not in this period',
    sameChoice: 'Choose two different periods.',
  },
};
