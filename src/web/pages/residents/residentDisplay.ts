/** Small display rules shared by the household and resident pages: who still lives there. */
import type { Resident } from '../../../shared/schemas/residents';

/** Residents who have not moved out and whose personal data was not erased. */
export function currentResidents(residents: Resident[]): Resident[] {
  return residents.filter((r) => !r.moveOutDate && !r.erased);
}
