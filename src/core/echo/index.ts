export { echoIntoAck, echoIntoInvoice, echoIntoShipNotice } from './echo-documents.js';
export { partyCode, type OrderEcho } from './echo-fields.js';
