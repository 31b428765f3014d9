/**
 * Reading and writing canonical values by the paths mapping files use: `poNumber`, `totals.amount`,
 * `addressLines[1]`, or `.` for the object itself.
 */
type Bag = Record<string, unknown>;

interface Step {
  key: string;
  index: number | undefined;
}

const cache = new Map<string, Step[]>();

function steps(path: string): Step[] {
  let parsed = cache.get(path);
  if (!parsed) {
    parsed =
      path === '.'
        ? []
        : path.split('.').map((part) => {
            const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(part);
            return { key: m?.[1] ?? part, index: m?.[2] === undefined ? undefined : Number(m[2]) };
          });
    cache.set(path, parsed);
  }
  return parsed;
}

/** The value at `path`, or `undefined`. */
export function getPath(target: unknown, path: string): unknown {
  let current: unknown = target;
  for (const { key, index } of steps(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Bag)[key];
    if (index !== undefined) current = Array.isArray(current) ? (current[index] as unknown) : undefined;
  }
  return current;
}

/** Sets `value` at `path`, creating objects and arrays on the way. */
export function setPath(target: Bag, path: string, value: unknown): void {
  const list = steps(path);
  let current: Bag = target;
  list.forEach(({ key, index }, i) => {
    const last = i === list.length - 1;
    if (index === undefined) {
      if (last) current[key] = value;
      else current = (current[key] ??= {}) as Bag;
      return;
    }
    const array = (current[key] ??= []) as unknown[];
    while (array.length < index) array.push(undefined);
    if (last) array[index] = value;
    else current = (array[index] ??= {}) as Bag;
  });
}

/** The object at `path` (created when absent), for rules that work `into` a nested object. */
export function objectAt(target: Bag, path: string | undefined): Bag {
  if (path === undefined || path === '.') return target;
  const existing = getPath(target, path);
  if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) return existing as Bag;
  const created: Bag = {};
  setPath(target, path, created);
  return created;
}

/** Appends an item to the array at `path` (created when absent). */
export function pushAt(target: Bag, path: string, item: unknown): void {
  const existing = getPath(target, path);
  if (Array.isArray(existing)) existing.push(item);
  else setPath(target, path, [item]);
}

/** The items of the array at `path`, or none. */
export function itemsAt(target: unknown, path: string): Bag[] {
  const value = getPath(target, path);
  return Array.isArray(value) ? value.filter((v): v is Bag => v !== null && typeof v === 'object') : [];
}
