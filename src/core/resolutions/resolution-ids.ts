/**
 * The ids of staff resolutions, which are also the rule ids of the findings that record them.
 * Kept apart from the resolutions so that reading decisions does not import their logic.
 */
export const RESOLUTION_IDS = {
  acceptPrice: 'accept-price',
  changeQuantity: 'change-quantity',
  cancelLine: 'cancel-line',
  rejectOrder: 'reject-order',
  releaseHold: 'release-hold',
} as const;
