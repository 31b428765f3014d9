export {
  shapeShipNotice,
  STRUCTURE_CODES,
  type ShapedShipNotices,
  type ShipNoticeShape,
} from './shape-ship-notice.js';
export { ssccFromMark, ssccProblem, withSsccCheckDigit } from './sscc.js';
