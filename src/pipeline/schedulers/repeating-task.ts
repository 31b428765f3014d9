/** Something the gateway does on a timer: poll an inbox, sweep forgotten transmissions... */
export interface ScheduledTask {
  /** Names the task in log lines: `poll dropship-direct`, `recovery sweep`. */
  readonly name: string;
  /** Pause between the end of one run and the start of the next. */
  readonly intervalMs: number;
  run(now: Date): Promise<void>;
}

export interface RepeatingTaskOptions {
  /** A failed run. A failure repeating the previous one word for word is not reported again. */
  onError(task: string, error: unknown): void;
  /** The first successful run after a reported failure. */
  onRecovered?(task: string): void;
  /** Default: the system clock. */
  now?: () => Date;
  /** Wait one interval before the first run instead of running at once. */
  delayFirstRun?: boolean;
}

export interface RunningTask {
  /** Cancels the next run and resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs a task again and again, `intervalMs` after each run ends: the next run is only scheduled
 * once the previous one is over, so a slow run (a large inbox, a slow database) never overlaps
 * itself. A run that throws is reported and the loop goes on; the same failure over and over (an
 * inbox whose mount is gone) is reported once, then its recovery.
 *
 * @example
 * const poll = startRepeatingTask({ name: 'poll acme', intervalMs: 30_000, run: () => pollAcme() }, { onError: console.error });
 * await poll.stop();
 */
export function startRepeatingTask(task: ScheduledTask, options: RepeatingTaskOptions): RunningTask {
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastFailure: string | undefined;

  const runOnce = async () => {
    try {
      await task.run(now());
      if (lastFailure !== undefined) options.onRecovered?.(task.name);
      lastFailure = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastFailure) options.onError(task.name, error);
      lastFailure = message;
    }
  };
  const tick = () => {
    timer = undefined;
    running = runOnce().finally(() => {
      if (!stopped) timer = setTimeout(tick, task.intervalMs);
    });
  };
  timer = setTimeout(tick, options.delayFirstRun === true ? task.intervalMs : 0);

  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
