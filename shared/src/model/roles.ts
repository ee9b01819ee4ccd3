import { z } from 'zod';

/**
 * Roles of a person on one AMI, weakest first. A board inherits its AMI's role (see
 * `permissions.ts` for the one exception, restricted proposal boards). The order is the
 * comparison: every role can do what the roles before it can.
 */
export const AMI_ROLES = ['reader', 'commenter', 'editor', 'admin', 'owner'] as const;

export type AmiRole = (typeof AMI_ROLES)[number];

export const amiRoleSchema = z.enum(AMI_ROLES);

/** French labels (lower case, as they appear inside sentences: « votre rôle : éditeur »). */
export const AMI_ROLE_LABELS: Readonly<Record<AmiRole, string>> = {
  reader: 'lecteur',
  commenter: 'commentateur',
  editor: 'éditeur',
  admin: 'administrateur',
  owner: 'propriétaire',
};

export function isAmiRole(value: unknown): value is AmiRole {
  return typeof value === 'string' && (AMI_ROLES as readonly string[]).includes(value);
}

/**
 * True when `role` is `min` or stronger. No role (`null`) is weaker than every role. A value that
 * is not a role (a corrupted row, a cast from JSON) never satisfies anything: a permission check
 * must fail closed.
 */
export function roleAtLeast(role: AmiRole | null, min: AmiRole): boolean {
  if (role === null || !isAmiRole(role) || !isAmiRole(min)) return false;
  return AMI_ROLES.indexOf(role) >= AMI_ROLES.indexOf(min);
}
