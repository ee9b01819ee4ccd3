import type {
  Action,
  Actor,
  AmiDetailView,
  AmiResource,
  AmiSummaryView,
  BoardResource,
  BoardView,
  MeView,
  OrganisationView,
} from '@eprouvette/shared';
import { allowedTransitions, can, documentName, effectiveAmiRole, effectiveBoardRole } from '@eprouvette/shared';
import { amiResource, boardResource } from '../access/actors.ts';
import type { AmiRecord } from '../records/amis.ts';
import type { BoardRecord } from '../records/boards.ts';
import type { User } from '../records/users.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function meView(user: User, organisation: OrganisationView | null): MeView {
  return { id: user.id, name: user.name, email: user.email, platformAdmin: user.platformAdmin, organisation, createdAt: iso(user.createdAt) };
}

const BOARD_ACTIONS = [
  'board.view',
  'board.editContent',
  'board.comment',
  'board.editMetadata',
  'board.transfer',
  'board.archive',
  'board.unarchive',
  'board.restrict',
] as const satisfies readonly Action[];

const AMI_ACTIONS = [
  'ami.edit',
  'ami.delete',
  'ami.manageMembers',
  'ami.manageInvitations',
  'amiText.view',
  'amiText.edit',
  'amiText.comment',
  'template.publish',
] as const satisfies readonly Action[];

function allowedOnAmi(actor: Actor, ami: AmiRecord): Action[] {
  const resource: AmiResource = amiResource(ami);
  const allowed: Action[] = AMI_ACTIONS.filter((action) => can(actor, action, resource));
  if (allowedTransitions(ami.status).some((to) => can(actor, 'ami.changeStatus', { ...resource, to }))) allowed.push('ami.changeStatus');
  // Board creation is asked for the actor's own organisation: what the "new board" button does.
  if (actor.organisationId !== null && can(actor, 'board.create', { type: 'new-board', amiId: ami.id, amiStatus: ami.status, organisationId: actor.organisationId })) {
    allowed.push('board.create');
  }
  return allowed;
}

export function boardView(actor: Actor, ami: AmiRecord, board: BoardRecord): BoardView {
  const resource: BoardResource = boardResource(ami, board);
  return {
    id: board.id,
    amiId: ami.id,
    title: board.title,
    kind: board.kind,
    organisation: board.organisation,
    restricted: board.restricted,
    archived: board.archived,
    documentName: documentName({ kind: 'board', amiId: ami.id, boardId: board.id }),
    role: effectiveBoardRole(actor, resource) ?? 'reader',
    allowed: BOARD_ACTIONS.filter((action) => can(actor, action, resource)),
    updatedAt: iso(board.updatedAt),
  };
}

export function amiSummaryView(actor: Actor, ami: AmiRecord, boardCount: number): AmiSummaryView {
  return {
    id: ami.id,
    title: ami.title,
    domain: ami.domain,
    status: ami.status,
    dates: ami.dates,
    envelopeEuros: ami.envelopeEuros,
    summary: ami.summary,
    tags: ami.tags,
    role: effectiveAmiRole(actor, ami.id) ?? 'reader',
    boardCount,
    updatedAt: iso(ami.updatedAt),
  };
}

export function amiDetailView(actor: Actor, ami: AmiRecord, boards: readonly BoardRecord[]): AmiDetailView {
  const visible = boards.map((board) => boardView(actor, ami, board)).filter((board) => board.allowed.includes('board.view'));
  return {
    ...amiSummaryView(actor, ami, visible.length),
    textDocumentName: documentName({ kind: 'ami-text', amiId: ami.id }),
    allowed: allowedOnAmi(actor, ami),
    nextStatuses: [...allowedTransitions(ami.status)],
    boards: visible,
    createdAt: iso(ami.createdAt),
  };
}
