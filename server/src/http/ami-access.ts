import type { Action, ActionResources, Actor, Id } from '@eprouvette/shared';
import { decide } from '@eprouvette/shared';
import { actorOn, amiResource } from '../access/actors.ts';
import { getAmi, type AmiRecord } from '../records/amis.ts';
import type { User } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import type { Refusal } from './refusals.ts';

const NOT_FOUND: Refusal = { allowed: false, code: 'not-member', reason: 'Ressource introuvable.' };
const SIGNED_OUT: Refusal = { allowed: false, code: 'unauthenticated', reason: 'Vous devez vous connecter.' };

export type Loaded<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

/**
 * The AMI and the user as `decide` sees them on it. Signed-out users are refused before the AMI is
 * looked up, and a missing AMI is refused like one the user is not a member of: the answers never
 * reveal which ids exist.
 */
export async function loadAmi(sql: SqlClient, user: User | null, amiId: Id): Promise<Loaded<{ ami: AmiRecord; actor: Actor }>> {
  if (user === null) return { ok: false, refusal: SIGNED_OUT };
  const ami = await getAmi(sql, amiId);
  if (ami === null) return { ok: false, refusal: NOT_FOUND };
  const actor = await actorOn(sql, user, amiId);
  return actor === null ? { ok: false, refusal: SIGNED_OUT } : { ok: true, ami, actor };
}

type AmiAction = { [A in Action]: ActionResources[A] extends { type: 'ami' } ? A : never }[Action];

/**
 * `loadAmi` then `decide(action)` on the AMI (with `extra` for actions that need more, such as the
 * status asked for): what most AMI routes start with.
 */
export async function authorizeOnAmi<A extends AmiAction>(
  sql: SqlClient,
  user: User | null,
  amiId: Id,
  action: A,
  extra: Omit<ActionResources[A], 'type' | 'amiId' | 'status'> = {} as Omit<ActionResources[A], 'type' | 'amiId' | 'status'>,
): Promise<Loaded<{ ami: AmiRecord; actor: Actor }>> {
  const loaded = await loadAmi(sql, user, amiId);
  if (!loaded.ok) return loaded;
  const refusal = check(loaded.actor, action, { ...amiResource(loaded.ami), ...extra } as ActionResources[A]);
  return refusal === null ? loaded : { ok: false, refusal };
}

/** `decide`, with the refusal typed for `refused`. */
export function check<A extends Action>(actor: Actor | null, action: A, resource: ActionResources[A]): Refusal | null {
  const decision = decide(actor, action, resource);
  return decision.allowed ? null : decision;
}

export { NOT_FOUND };
