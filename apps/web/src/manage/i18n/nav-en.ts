import type { NavMessages } from './nav-vi';

export const navEn: NavMessages = {
  sections: 'Training management sections',
  compliance: 'Compliance',
  staff: 'My staff',
  requirements: 'Training requirements',
  imports: 'Staff import',
  reports: "Facilities' yearly reports",
  inspections: 'Inspections',
  inspectionResults: "Your unit's inspection results",
  figures: 'Programme figures',
};
