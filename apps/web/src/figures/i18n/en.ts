import type { FiguresMessages } from './vi';

export const figuresEn: FiguresMessages = {
  title: 'The learning society in figures',
  intro:
    'Figures the platform computes from facilities, courses, enrollments and certificates, by area, facility type and period. Anyone may read them without signing in.',
  privacy:
    'A figure about fewer than 5 people is hidden and reads “< 5”, and so is any figure that would give it away, so that nobody can be singled out.',
  filters: 'Choose the figures',
  period: 'Period',
  year: 'Year {{year}}',
  quarter: 'Q{{quarter}} {{year}}',
  facilityType: 'Facility type',
  allTypes: 'All types',
  show: 'Show',
  country: 'Whole country',
  breadcrumb: 'Administrative levels',
  heading: '{{name}}, {{period}}',
  summary: 'Figures for {{name}}',
  children: {
    title: 'By area one level down',
    caption: 'Figures of each area within {{name}}, {{period}}',
    unit: 'Area',
    open: 'Open the figures of {{name}}',
    leaf: 'This area has no areas below it.',
  },
  chart: {
    series: 'Enrollments',
    title: 'Enrollments by area',
    most: 'The chart shows the {{count}} areas with the most enrollments; the table above has them all.',
  },
  csv: 'Download the figures (CSV)',
  csvHint: 'One row for {{name}} and one for each area within it.',
};
