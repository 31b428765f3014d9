/**
 * The gateway's timers: inbox polls (BullMQ job schedulers), the sweep of transmissions stored but never queued, the
 * flagging of overdue acknowledgements, and whatever periodic work is added through `extraTasks`. One process per gateway runs them.
 */
export {
  DEFAULT_RECEIVED_MAX_AGE_MS,
  DEFAULT_SWEEP_INTERVAL_MS,
  startSchedulers,
  type SchedulerOptions,
  type Schedulers,
} from './schedulers.js';
export { DEFAULT_OVERDUE_ACK_INTERVAL_MS, overdueAckTask } from './overdue-ack-task.js';
export { requeueStaleReceived, type ReceivedSweepDeps } from './received-sweep.js';
export {
  startRepeatingTask,
  type RepeatingTaskOptions,
  type RunningTask,
  type ScheduledTask,
} from './repeating-task.js';
