/** Inventory allocation: where each line of an accepted order ships from. Pure, like the rest of the core. */
export { allocateOrder } from './allocate-order.js';
export { allocationStrategies } from './strategies.js';
export type { AllocationStrategy } from './strategy.js';
export { linesToAllocate } from './lines-to-allocate.js';
export {
  UNASSIGNED_LOCATION,
  type AllocationPlan,
  type AllocationRules,
  type AllocationStrategyId,
  type LineToAllocate,
  type LocationKind,
  type StockAtLocation,
  type StockReservation,
} from './types.js';
