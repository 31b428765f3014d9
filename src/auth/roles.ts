/** The roles staff keys and console users have, each allowed what the one before it is, and more. */
export const STAFF_ROLES = ['viewer', 'operator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a route asks of its caller: a staff role at least, or a partner key. */
export type RequiredRole = StaffRole | 'partner';

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/**
 * Whether a caller with `role` may use a route that requires `required`. Staff roles are ordered
 * (`viewer` < `operator` < `admin`); a partner key is allowed only partner routes, and no staff
 * role is allowed those (a partner posts as itself, never staff on its behalf).
 *
 * @example
 * roleAllows('operator', 'viewer'); // true
 * roleAllows('viewer', 'operator'); // false
 */
export function roleAllows(role: string, required: RequiredRole): boolean {
  if (required === 'partner') return role === 'partner';
  if (!isStaffRole(role)) return false;
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(required);
}
