import { GatewayError } from '../../errors/index.js';

/** The longest actor name the audit trail keeps. */
export const MAX_ACTOR_LENGTH = 128;

/**
 * The name an operation is audited under: required, because an anonymous resend is exactly what
 * an audit trail must not hold.
 *
 * @example
 * const who = checkActor(body.actor); // 'alice'
 */
export function checkActor(actor: string | undefined): string {
  const trimmed = actor?.trim() ?? '';
  if (trimmed === '' || trimmed.length > MAX_ACTOR_LENGTH) {
    throw new GatewayError(
      'actor-invalid',
      `actor must name who does this (1 to ${MAX_ACTOR_LENGTH} characters), got ${JSON.stringify(actor ?? '')}`,
      { permanent: true, status: 400 },
    );
  }
  return trimmed;
}

/** @example throw transmissionNotFound('4f0c...'); // 404 'not-found' */
export function transmissionNotFound(id: string): GatewayError {
  return new GatewayError('not-found', `there is no transmission ${id}`, { permanent: true, status: 404 });
}

/** The operation does not apply to the transmission as it is now (its direction or status). */
export function operationRefused(message: string): GatewayError {
  return new GatewayError('operation-refused', message, { permanent: true, status: 409 });
}

/** The bytes were moved out of the store; the operation needs them. */
export function bytesArchived(id: string, archiveRef: string | null): GatewayError {
  return new GatewayError(
    'transmission-archived',
    `transmission ${id} has no bytes in the store; they were archived${archiveRef === null ? '' : ` to ${archiveRef}`}`,
    { permanent: true, status: 410 },
  );
}
