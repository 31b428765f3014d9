import type { ProductIds } from '../../canonical/index.js';
import { codeTable } from './code-table.js';

/**
 * Product/service id qualifiers (data element 235) that have a friendly field. Any other qualifier
 * is kept only in the line's `productIds` list.
 */
export const productIdQualifiers = codeTable<keyof ProductIds>('product/service id qualifier (235)', [
  ['BP', 'buyerPartNumber'],
  ['IN', 'buyerPartNumber'],
  ['VP', 'vendorPartNumber'],
  ['VN', 'vendorPartNumber'],
  ['CB', 'buyerCatalogNumber'],
  ['VC', 'vendorCatalogNumber'],
  ['MG', 'manufacturerPartNumber'],
  ['IT', 'buyerStyleNumber'],
  ['VA', 'vendorStyleNumber'],
  ['MN', 'modelNumber'],
  ['UP', 'upc'],
  ['UD', 'upc'],
  ['UA', 'caseUpc'],
  ['UK', 'gtin'],
  ['EN', 'ean'],
  ['IB', 'isbn'],
  ['SK', 'sku'],
  ['N4', 'ndc'],
  ['ND', 'ndc'],
  ['LT', 'lotNumber'],
  ['SN', 'serialNumber'],
]);
