/** Small display rules shared by the household pages: who still lives there, and status colours. */
import type { Household } from '../../../shared/schemas/households';
import type { Resident } from '../../../shared/schemas/residents';

export const STATUS_BADGE: Record<Household['status'], 'success' | 'default' | 'processing'> = {
  occupied: 'success',
  vacant: 'default',
  let: 'processing',
};

/** Residents who have not moved out and whose personal data was not erased. */
export function currentResidents(residents: Resident[]): Resident[] {
  return residents.filter((r) => !r.moveOutDate && !r.erased);
}
