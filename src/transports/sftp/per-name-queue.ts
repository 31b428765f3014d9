/**
 * Runs work for the same name one after another and for different names side by side. Two
 * deliveries of one name at once would write into the same temporary file on the server.
 *
 * @example
 * const queue = new PerNameQueue();
 * await Promise.all([queue.run('INV-1.x12', first), queue.run('INV-1.x12', second)]); // second waits
 */
export class PerNameQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(name, tail);
    void tail.then(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    });
    return result;
  }
}
