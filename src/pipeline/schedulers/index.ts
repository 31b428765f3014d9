/**
 * The gateway's timers: inbox polls (BullMQ job schedulers), the recovery sweep that queues again
 * the work whose job Redis lost, the flagging of overdue acknowledgements, and whatever periodic
 * work is added through `extraTasks`.
 */
export { startSchedulers, type SchedulerOptions, type Schedulers } from './schedulers.js';
export { DEFAULT_OVERDUE_ACK_INTERVAL_MS, overdueAckTask } from './overdue-ack-task.js';
export {
  DEFAULT_RECOVERY_AFTER_MS,
  DEFAULT_RECOVERY_INTERVAL_MS,
  recoveryTask,
  type RecoveryTaskOptions,
} from './recovery-task.js';
export {
  startRepeatingTask,
  type RepeatingTaskOptions,
  type RunningTask,
  type ScheduledTask,
} from './repeating-task.js';
