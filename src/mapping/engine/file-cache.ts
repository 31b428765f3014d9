import { statSync } from 'node:fs';

/**
 * What was read from files, kept while each file stays as it was (same inode, size and
 * modification time to the nanosecond), so that a file read for every transmission is parsed
 * once, and an edited file is read again at once. Every caller gets its own deep copy: nothing
 * one caller changes reaches the next.
 *
 * @example
 * const mappings = new FileCache<MappingFile>();
 * const file = mappings.read('/mappings/x12/004010/850.yaml', parseMappingFile);
 */
export class FileCache<T> {
  readonly #entries = new Map<string, { version: string; value: T }>();

  read(path: string, parse: (path: string) => T): T {
    const stats = statSync(path, { bigint: true });
    const version = `${stats.dev}:${stats.ino}/${stats.size}/${stats.mtimeNs}`;
    let entry = this.#entries.get(path);
    if (entry?.version !== version) {
      entry = { version, value: parse(path) };
      this.#entries.set(path, entry);
    }
    return structuredClone(entry.value);
  }
}
