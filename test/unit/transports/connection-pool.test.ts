import { describe, expect, it } from 'vitest';
import {
  ConnectionPool,
  PoolClosed,
  type PooledConnection,
} from '../../../src/transports/sftp/connection-pool.js';

class FakeConnection implements PooledConnection {
  broken = false;
  ended = false;
  private readonly listeners: (() => void)[] = [];
  constructor(readonly id: number) {}
  onBroken(listener: () => void): void {
    this.listeners.push(listener);
  }
  end(): Promise<void> {
    this.ended = true;
    return Promise.resolve();
  }
  /** What the server dropping the session looks like. */
  breakNow(): void {
    this.broken = true;
    for (const listener of this.listeners.splice(0)) listener();
  }
}

function poolOf(max: number, idleCloseMs = 60_000, failFirst = 0) {
  const opened: FakeConnection[] = [];
  let failures = failFirst;
  const pool = new ConnectionPool(
    () => {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('connection refused'));
      }
      const connection = new FakeConnection(opened.length + 1);
      opened.push(connection);
      return Promise.resolve(connection);
    },
    max,
    idleCloseMs,
  );
  return { pool, opened };
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

describe('SFTP connection pool', () => {
  it('reuses one idle connection for work that comes one after another', async () => {
    const { pool, opened } = poolOf(2);
    const used: number[] = [];
    for (let round = 0; round < 5; round += 1)
      await pool.use((connection) => Promise.resolve(used.push(connection.id)));
    expect(used).toEqual([1, 1, 1, 1, 1]);
    expect(pool.opened).toBe(1);
    expect(opened[0]?.ended).toBe(false);
  });

  it('opens at most max connections; further work waits for a free one', async () => {
    const { pool } = poolOf(2);
    let busy = 0;
    let mostBusy = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.use(async () => {
          busy += 1;
          mostBusy = Math.max(mostBusy, busy);
          await sleep(10);
          busy -= 1;
        }),
      ),
    );
    expect(mostBusy).toBe(2);
    expect(pool.opened).toBe(2);
  });

  it('forgets a connection that broke while idle and opens a new one next time', async () => {
    const { pool, opened } = poolOf(1);
    await pool.use(() => Promise.resolve());
    opened[0]?.breakNow();
    const id = await pool.use((connection) => Promise.resolve(connection.id));
    expect(id).toBe(2);
  });

  it('does not give back a connection that broke during the work, and lets waiting work go on', async () => {
    const { pool } = poolOf(1);
    const first = pool.use(async (connection) => {
      await sleep(10);
      connection.breakNow();
      throw new Error('connection lost');
    });
    const second = pool.use((connection) => Promise.resolve(connection.id));
    await expect(first).rejects.toThrow('connection lost');
    expect(await second).toBe(2);
  });

  it('frees the place of a connection that could not be opened', async () => {
    const { pool } = poolOf(1, 60_000, 1);
    await expect(pool.use(() => Promise.resolve())).rejects.toThrow('connection refused');
    expect(await pool.use((connection) => Promise.resolve(connection.id))).toBe(1);
  });

  it('ends a connection left idle for idleCloseMs', async () => {
    const { pool, opened } = poolOf(1, 20);
    await pool.use(() => Promise.resolve());
    await sleep(60);
    expect(opened[0]?.ended).toBe(true);
    expect(await pool.use((connection) => Promise.resolve(connection.id))).toBe(2);
  });

  it('on close ends idle connections at once and busy ones when their work is done', async () => {
    const { pool, opened } = poolOf(2);
    let finishBusy = () => {};
    const busy = pool.use(() => new Promise<void>((done) => (finishBusy = done)));
    await pool.use(() => Promise.resolve()); // opens the second, which is then idle
    await pool.close();
    expect(opened.map((connection) => connection.ended)).toEqual([false, true]);
    finishBusy();
    await busy;
    expect(opened[0]?.ended).toBe(true);
    await expect(pool.use(() => Promise.resolve())).rejects.toBeInstanceOf(PoolClosed);
  });
});
