/** What the pool needs of a connection. */
export interface PooledConnection {
  readonly broken: boolean;
  onBroken(listener: () => void): void;
  end(): Promise<void>;
}

/** Thrown by {@link ConnectionPool.use} once the pool is closed. */
export class PoolClosed extends Error {
  override readonly name = 'PoolClosed';
  constructor() {
    super('the connection pool is closed');
  }
}

interface IdleConnection<C> {
  readonly connection: C;
  readonly timer: NodeJS.Timeout;
}

/**
 * At most `max` connections to one server, each lent to one piece of work at a time and kept for
 * the next one: a poll, the takes of its files and their acknowledgements share one session
 * instead of logging in per file. A connection idle for `idleCloseMs` is ended; one that broke is
 * forgotten at once, and the next piece of work opens a fresh one. Work beyond `max` waits.
 *
 * @example
 * const pool = new ConnectionPool(() => SftpConnection.open(target, timeouts), 2, 30_000);
 * const names = await pool.use((connection) => connection.list('/out'));
 */
export class ConnectionPool<C extends PooledConnection> {
  /** Connections opened over the pool's life, for monitoring and tests of reuse. */
  opened = 0;
  private readonly live = new Set<C>();
  private idle: IdleConnection<C>[] = [];
  private waiting: (() => void)[] = [];
  private opening = 0;
  private closed = false;

  constructor(
    private readonly open: () => Promise<C>,
    private readonly max: number,
    private readonly idleCloseMs: number,
  ) {}

  /** Runs `work` on a connection of the pool and gives the connection back afterwards. */
  async use<T>(work: (connection: C) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      this.release(connection);
    }
  }

  /** Ends idle connections now and the busy ones when their work is done. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    for (const { timer } of idle) clearTimeout(timer);
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(idle.map(({ connection }) => this.retire(connection)));
  }

  private async acquire(): Promise<C> {
    for (;;) {
      if (this.closed) throw new PoolClosed();
      // The most recently used first, so that a connection opened for a burst ages out afterwards.
      const reused = this.idle.pop();
      if (reused !== undefined) {
        clearTimeout(reused.timer);
        if (!reused.connection.broken) return reused.connection;
        this.live.delete(reused.connection);
        continue;
      }
      if (this.live.size + this.opening < this.max) return this.openOne();
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private async openOne(): Promise<C> {
    this.opening += 1;
    let connection: C;
    try {
      connection = await this.open();
    } catch (error) {
      this.wakeOne();
      throw error;
    } finally {
      this.opening -= 1;
    }
    this.opened += 1;
    this.live.add(connection);
    connection.onBroken(() => this.forget(connection));
    if (this.closed) {
      await this.retire(connection);
      throw new PoolClosed();
    }
    return connection;
  }

  private release(connection: C): void {
    if (connection.broken || this.closed || !this.live.has(connection)) {
      void this.retire(connection);
      this.wakeOne();
      return;
    }
    const timer = setTimeout(() => {
      this.idle = this.idle.filter((entry) => entry.connection !== connection);
      void this.retire(connection);
    }, this.idleCloseMs);
    // An idle connection must not keep a process alive that has nothing else to do.
    timer.unref();
    this.idle.push({ connection, timer });
    this.wakeOne();
  }

  private forget(connection: C): void {
    this.live.delete(connection);
    const entry = this.idle.find((idle) => idle.connection === connection);
    if (entry !== undefined) {
      clearTimeout(entry.timer);
      this.idle = this.idle.filter((idle) => idle !== entry);
    }
    this.wakeOne();
  }

  private async retire(connection: C): Promise<void> {
    this.live.delete(connection);
    if (!connection.broken) await connection.end().catch(() => undefined);
  }

  private wakeOne(): void {
    this.waiting.shift()?.();
  }
}
