/**
 * Remembers which files were taken and not yet acknowledged, so that `poll` does not offer them
 * again meanwhile. A lease expires: when storing the bytes failed, no acknowledgement comes, and
 * the file must be offered again rather than sit unseen until a restart. A lease covers one
 * version of a file, so a file replaced in the inbox is offered at once.
 */
export class TakenLeases {
  private readonly leases = new Map<string, { version: string; until: number }>();

  constructor(private readonly leaseMs: number) {}

  hold(name: string, version: string, now: number): void {
    this.leases.set(name, { version, until: now + this.leaseMs });
  }

  isHeld(name: string, version: string, now: number): boolean {
    const lease = this.leases.get(name);
    if (lease === undefined) return false;
    if (lease.version === version && lease.until > now) return true;
    this.leases.delete(name);
    return false;
  }

  release(name: string): void {
    this.leases.delete(name);
  }
}
