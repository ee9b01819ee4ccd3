import type { CommentPerson, Id } from '@eprouvette/shared';
import { listMembers } from '../records/memberships.ts';
import type { SqlClient } from '../storage/sql-client.ts';

/** The members of an AMI, as a mention shows them: id and name only (no email, no organisation). */
export async function mentionablePeople(sql: SqlClient, amiId: Id): Promise<CommentPerson[]> {
  const members = await listMembers(sql, amiId);
  return members.map((member) => ({ id: member.userId, name: member.name })).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export type MentionPick = { ok: true; people: CommentPerson[] } | { ok: false; unknown: Id[] };

/** The people `ids` name, in the order given, or the ids that are not members of the AMI. */
export function pickMentions(members: readonly CommentPerson[], ids: readonly Id[]): MentionPick {
  const byId = new Map(members.map((member) => [member.id, member]));
  const unknown = ids.filter((id) => !byId.has(id));
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, people: ids.map((id) => byId.get(id)!) };
}
