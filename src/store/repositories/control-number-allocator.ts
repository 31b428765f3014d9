import type { ControlNumberLevel } from '../entities/control-number-counter.js';

/**
 * The largest control number at each level before it wraps to 1: ISA13 and GS06 are 9 digits,
 * and ST02 is kept to 9 digits too, the most any version allows.
 */
export const CONTROL_NUMBER_MAX: Readonly<Record<ControlNumberLevel, number>> = {
  ISA: 999_999_999,
  GS: 999_999_999,
  ST: 999_999_999,
};

/** The store's port for outbound control numbers. */
export interface ControlNumberAllocator {
  /**
   * The next control number for this partner and level: 1 the first time, then one more each
   * call, back to 1 after `CONTROL_NUMBER_MAX`. Atomic: callers in any number of processes never
   * receive the same number (until it wraps).
   *
   * @example
   * const isa13 = String(await controlNumbers.next('acme', 'ISA')).padStart(9, '0');
   */
  next(partnerId: string, level: ControlNumberLevel): Promise<number>;
  /**
   * The first of `count` consecutive numbers, taken at once; a block that would pass the maximum
   * starts again at 1 instead. For the sets of one group, whose ST02s are numbered upwards.
   *
   * @example
   * const firstSt = await controlNumbers.nextBlock('acme', 'ST', 100); // 1, then 101
   */
  nextBlock(partnerId: string, level: ControlNumberLevel, count: number): Promise<number>;
}
