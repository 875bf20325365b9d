import { ASSIGNMENT_STATUSES, type AssignmentStatus, type StaffMember } from './queries';

/** How many live assignments a person has in each status, overdue first; statuses with none left out. */
export function trainingCounts(member: StaffMember): [AssignmentStatus, number][] {
  return ASSIGNMENT_STATUSES.map((status): [AssignmentStatus, number] => [
    status,
    member.assignments.filter((assignment) => assignment.status === status).length,
  ]).filter(([, count]) => count > 0);
}
