import { fitName } from './numbered-name.js';

/**
 * The naming convention for files that are still being written. Partners' tools and ours write
 * under such a name and rename when done, so these names are never taken as inbound files, and a
 * reader of our outbox can ignore them the same way.
 */
const IN_PROGRESS_SUFFIXES = ['.part', '.tmp'] as const;

/**
 * Whether a file name marks a file still being written (or a hidden file): it starts with `.` or
 * ends with `.part` or `.tmp`, in any letter case.
 *
 * @example
 * isInProgressName('.INV-1.x12.part'); // true
 * isInProgressName('INV-1.x12'); // false
 */
export function isInProgressName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith('.') || IN_PROGRESS_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/**
 * The name a file will have once its writer renames it into place: `.INV-1.x12.part` and
 * `INV-1.x12.tmp` both become `INV-1.x12`. Used to recognise a rename when inode numbers are
 * unavailable.
 */
export function finalNameOf(inProgressName: string): string {
  let name = inProgressName;
  for (const suffix of IN_PROGRESS_SUFFIXES) {
    if (name.toLowerCase().endsWith(suffix)) name = name.slice(0, -suffix.length);
  }
  return name.replace(/^\.+/, '');
}

/**
 * The in-progress name we write an outbound file under before renaming it, shortened (see
 * `fitName`) where the final name leaves no room for `.` and `.part`.
 */
export function inProgressNameFor(name: string): string {
  return fitName(`.${name}.part`);
}
