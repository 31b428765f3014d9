/** ERP/WMS events (shipment confirmed, invoice issued) turned into documents sent to partners. */
export { BUSINESS_EVENTS, isBusinessEventKind, type BusinessEventKind } from './event-kinds.js';
export { eventDocument, type EventDocument } from './event-document.js';
export {
  receiveBusinessEvent,
  type EventAccepted,
  type EventIntake,
  type EventOutcome,
  type EventRefused,
} from './receive-event.js';
