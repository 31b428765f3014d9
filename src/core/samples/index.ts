export { completeShipment, fullAcceptance, invoiceInFull } from './order-replies.js';
export { sampleOrder } from './sample-order.js';
