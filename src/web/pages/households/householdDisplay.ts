/** Small display rules shared by the household pages: the badge colour of each household status. */
import type { Household } from '../../../shared/schemas/households';

export const STATUS_BADGE: Record<Household['status'], 'success' | 'default' | 'processing'> = {
  occupied: 'success',
  vacant: 'default',
  let: 'processing',
};
