/**
 * The port every transport adapter (folder, SFTP, AS2) implements. It moves bytes and nothing
 * else: it knows nothing about X12. Failures surface as {@link TransportError}, whose `permanent`
 * flag tells the pipeline whether retrying can help.
 */

/** A file offered by {@link Transport.poll}: complete, and not currently taken. */
export interface InboundFile {
  /** The file name as the partner gave it, without any folder. */
  readonly name: string;
  /**
   * Where the file is, in the transport's own terms (a local path, a remote path). With the
   * partner, size and sha256 it identifies one upload, so that a file taken again after a crash
   * is recognised as the one already stored.
   */
  readonly path: string;
  /** Size in bytes when it was polled. */
  readonly size: number;
  /** Last modification time reported by the remote side. */
  readonly modifiedAt: Date;
  /**
   * Opaque to callers: only the transport that produced it can interpret it. It identifies this
   * exact version of the file, so a file replaced after the poll is not mistaken for the polled one.
   */
  readonly reference: string;
}

/** What {@link Transport.deliver} reports once the file is in place on the partner's side. */
export interface DeliveryReceipt {
  /** The name the file was finally given: the requested one, or a numbered variant on a clash. */
  readonly name: string;
  readonly size: number;
  readonly deliveredAt: Date;
  /** Where it landed, in the transport's own terms (a path, a URL, a message id). */
  readonly location: string;
  /**
   * Set when the partner's receipt comes later (an AS2 async MDN): the file is posted but not
   * yet `sent`; what settles it marks it. Says what is awaited, e.g. `the MDN of <id@host>`.
   */
  readonly awaiting?: string;
}

/** What a delivery is for, for transports that keep track of their messages (AS2). */
export interface DeliveryContext {
  /** The outbound transmission that holds the file. */
  readonly transmissionId: string;
}

/**
 * Receives and delivers files for one partner.
 *
 * The inbound sequence is poll, take, store the bytes elsewhere, then acknowledgeTaken. Because the
 * file leaves the inbox only at the last step, a crash anywhere before it leaves the file to be
 * taken again: the gateway may see a file twice, never lose one.
 *
 * @example
 * for (const file of await transport.poll()) {
 *   const bytes = await transport.take(file);
 *   await transmissions.store(file.name, bytes); // must succeed before the file leaves the inbox
 *   await transport.acknowledgeTaken(file);
 * }
 * const receipt = await transport.deliver('INV-1001.x12', rendered);
 */
export interface Transport {
  /** Files that are complete (never half-written) and not taken since, oldest first. */
  poll(): Promise<InboundFile[]>;
  /** Reads the whole file. It stays in the inbox until {@link Transport.acknowledgeTaken}. */
  take(file: InboundFile): Promise<Uint8Array>;
  /**
   * Removes a taken file from the inbox: into the archive when there is one, deleted otherwise.
   * Idempotent: acknowledging a file that is already gone succeeds.
   */
  acknowledgeTaken(file: InboundFile): Promise<void>;
  /** Writes an outbound file so that the partner sees all of it or nothing; never overwrites. */
  deliver(name: string, bytes: Uint8Array, context?: DeliveryContext): Promise<DeliveryReceipt>;
  /** Releases connections. Any later call fails with `transport-closed`. */
  close(): Promise<void>;
}
