export * from './acknowledgment-codes.js';
export * from './code-table.js';
export * from './date-qualifiers.js';
export * from './document-codes.js';
export * from './party-roles.js';
export * from './product-id-qualifiers.js';
