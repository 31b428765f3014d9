import type { AllowanceCharge, Draft, Tax } from '../../../canonical/index.js';
import type { LoopInstance, Segment } from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';
import { starts } from './loop-navigation.js';

const INDICATORS: Record<string, AllowanceCharge['indicator']> = {
  A: 'allowance',
  C: 'charge',
  N: 'no_charge',
};

/** Every SAC (lone or starting a SAC loop) directly inside `loop`. */
export function readAllowancesCharges(loop: LoopInstance, elements: ElementReader): Draft<AllowanceCharge>[] {
  return starts(loop, 'SAC').map((sac) => readSac(sac, elements));
}

/** SAC: SAC05 is N2 (cents); SAC07 percent and SAC08 rate are R. */
export function readSac(sac: Segment, elements: ElementReader): Draft<AllowanceCharge> {
  const indicatorCode = elements.text(sac, 1);
  return {
    indicator: indicatorCode === undefined ? undefined : (INDICATORS[indicatorCode] ?? 'other'),
    indicatorCode,
    code: elements.text(sac, 2),
    agencyQualifier: elements.text(sac, 3),
    agencyCode: elements.text(sac, 4),
    amount: elements.implied(sac, 5, 2),
    percentQualifier: elements.text(sac, 6),
    percent: elements.real(sac, 7),
    rate: elements.real(sac, 8),
    uom: elements.text(sac, 9),
    quantity: elements.real(sac, 10),
    handlingCode: elements.text(sac, 12),
    referenceId: elements.text(sac, 13),
    description: elements.text(sac, 15),
  };
}

/** TXI: TXI02 amount, TXI03 percent and TXI08 basis are R. */
export function readTxi(txi: Segment, elements: ElementReader): Draft<Tax> {
  return {
    typeCode: elements.text(txi, 1),
    amount: elements.real(txi, 2),
    percent: elements.real(txi, 3),
    jurisdictionQualifier: elements.text(txi, 4),
    jurisdiction: elements.text(txi, 5),
    exemptCode: elements.text(txi, 6),
    basisAmount: elements.real(txi, 8),
    taxId: elements.text(txi, 9),
  };
}
