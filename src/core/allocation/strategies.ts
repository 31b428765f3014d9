import { priority } from './priority.js';
import { singleLocationFirst } from './single-location-first.js';
import { splitAllowed } from './split-allowed.js';
import type { AllocationStrategy } from './strategy.js';
import type { AllocationStrategyId } from './types.js';

/** Every allocation strategy a partner can choose, by the id its file names. */
export const allocationStrategies: Readonly<Record<AllocationStrategyId, AllocationStrategy>> = {
  'single-location-first': singleLocationFirst,
  'split-allowed': splitAllowed,
  priority,
};
