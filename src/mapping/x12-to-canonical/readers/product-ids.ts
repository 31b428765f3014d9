import type { Draft, ProductIdentifier, ProductIds } from '../../../canonical/index.js';
import type { Segment } from '../../../x12/index.js';
import { productIdQualifiers } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { nonEmpty } from './loop-navigation.js';

export interface ReadProductIds {
  ids: Draft<ProductIds>;
  productIds: ProductIdentifier[] | undefined;
}

/**
 * Qualifier/value pairs of a line segment (PO106-PO125, IT106-IT125, LIN02-LIN31, ACK07-ACK26):
 * every pair in `productIds` as sent, and the first of each well-known kind in `ids`.
 *
 * @example
 * readProductIds(po1, 6, 25, elements); // PO1*1*120*EA*9.25*TE*CB*065322-117*VN*AB3542
 * // { ids: { buyerCatalogNumber: '065322-117', vendorPartNumber: 'AB3542' }, productIds: [...] }
 */
export function readProductIds(
  segment: Segment,
  first: number,
  last: number,
  elements: ElementReader,
): ReadProductIds {
  const ids: Draft<ProductIds> = {};
  const productIds: ProductIdentifier[] = [];
  for (let position = first; position < last; position += 2) {
    const qualifier = elements.text(segment, position);
    const value = elements.text(segment, position + 1);
    if (qualifier === undefined || value === undefined) continue;
    productIds.push({ qualifier, value });
    const field = productIdQualifiers.toCanonical(qualifier);
    if (field !== undefined && ids[field] === undefined) ids[field] = value;
  }
  return { ids, productIds: nonEmpty(productIds) };
}
