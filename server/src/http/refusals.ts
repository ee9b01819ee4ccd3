import type { Context } from 'hono';
import type { ApiError, Decision, RefusalCode } from '@eprouvette/shared';

/**
 * HTTP status of each refusal of `decide`. Not being a member answers 404, like a missing AMI, so
 * that nobody learns which ids exist.
 */
const STATUS: Record<RefusalCode, 400 | 401 | 403 | 404 | 409> = {
  unauthenticated: 401,
  'invalid-request': 400,
  'not-member': 404,
  'role-too-low': 403,
  'owner-only': 403,
  'platform-admin-only': 403,
  'self-only': 403,
  'restricted-board': 403,
  'other-organisation': 403,
  'not-proposal': 409,
  archived: 409,
  'not-archived': 409,
  'ami-closed': 409,
  transition: 409,
  'owner-invitation': 403,
  'results-published': 409,
  'results-unpublished': 403,
};

export type Refusal = Extract<Decision, { allowed: false }>;

export function refused(c: Context, decision: Refusal) {
  const body: ApiError = decision.code === 'not-member' ? { error: 'Ressource introuvable.', code: 'not-found' } : { error: decision.reason, code: decision.code };
  return c.json(body, STATUS[decision.code]);
}

export function notFound(c: Context) {
  return c.json({ error: 'Ressource introuvable.', code: 'not-found' } satisfies ApiError, 404);
}

export function conflict(c: Context, error: string, code: string) {
  return c.json({ error, code } satisfies ApiError, 409);
}
