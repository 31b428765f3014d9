import { describe, expect, it } from 'vitest';
import { startRepeatingTask } from '../../../src/pipeline/schedulers/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startRepeatingTask', () => {
  it('never overlaps a slow run with the next one, and waits for the run in progress on stop', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const task = startRepeatingTask(
      {
        name: 'slow',
        intervalMs: 1,
        run: async () => {
          running++;
          most = Math.max(most, running);
          await sleep(30);
          runs++;
          running--;
        },
      },
      { onError: () => {} },
    );
    await sleep(100);
    await task.stop();

    expect(most).toBe(1);
    expect(running).toBe(0);
    expect(runs).toBeGreaterThanOrEqual(2);
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
  });

  it('reports a failure once while it repeats, keeps looping, and says when it works again', async () => {
    const events: string[] = [];
    let calls = 0;
    const task = startRepeatingTask(
      {
        name: 'poll acme',
        intervalMs: 2,
        run: () => {
          calls++;
          if (calls <= 4) return Promise.reject(new Error('inbox is gone'));
          if (calls === 5) return Promise.resolve();
          return Promise.reject(new Error('disk full'));
        },
      },
      {
        onError: (name, error) => events.push(`${name}: ${(error as Error).message}`),
        onRecovered: (name) => events.push(`${name}: recovered`),
      },
    );
    await sleep(80);
    await task.stop();

    expect(calls).toBeGreaterThan(6);
    expect(events).toEqual(['poll acme: inbox is gone', 'poll acme: recovered', 'poll acme: disk full']);
  });

  it('runs at once by default, after one interval with delayFirstRun, and passes the clock', async () => {
    const seen: Date[] = [];
    const clock = new Date('2026-01-01T00:00:00Z');
    const now = startRepeatingTask(
      { name: 'now', intervalMs: 10_000, run: (at) => Promise.resolve(void seen.push(at)) },
      { onError: () => {}, now: () => clock },
    );
    const later = startRepeatingTask(
      { name: 'later', intervalMs: 10_000, run: () => Promise.reject(new Error('must not run')) },
      { onError: () => seen.push(new Date(0)), delayFirstRun: true },
    );
    await sleep(30);
    await Promise.all([now.stop(), later.stop()]);

    expect(seen).toEqual([clock]);
  });
});
