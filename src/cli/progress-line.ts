/**
 * Progress of a long run as lines on stderr (`resent 120/450`), at most one a second and always
 * the last one, so a terminal or a log shows it moving without being flooded.
 *
 * @example
 * const progress = progressLine('resent', (line) => output.err(line));
 * await bulkResend(filter, { onProgress: progress }, actor, deps);
 */
export function progressLine(
  verb: string,
  write: (line: string) => void,
  clock: () => number = Date.now,
  everyMs = 1000,
): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = clock();
    if (done < total && now - last < everyMs) return;
    last = now;
    write(`${verb} ${done}/${total}\n`);
  };
}
