import type { AmiRole } from './model/roles.ts';
import type { AmiStatus } from './model/ami-status.ts';
import type { BoardKind } from './model/boards.ts';
import type { DocumentRef } from './model/documents.ts';
import type { Id } from './model/ids.ts';
import { AMI_ROLE_LABELS, isAmiRole, roleAtLeast } from './model/roles.ts';
import { AMI_STATUS_LABELS, canTransition, isAmiStatus, isClosedStatus } from './model/ami-status.ts';

/**
 * Who may do what. Every decision of the server (REST middleware, WebSocket gate) and every
 * button the client shows comes from `decide` below, so the two can never disagree.
 *
 * The rules, from PRODUCT.md and issue 3, and the decisions taken where they were silent:
 * - Roles are per AMI: reader < commenter < editor < admin < owner. No membership = nothing, not
 *   even knowing the AMI exists (`not-member`: answer it like a missing AMI, 404 / 4404).
 * - A platform admin (the account created from EPROUVETTE_ADMIN_EMAIL) creates AMIs and domains and
 *   counts as owner of every AMI. Owner rather than admin because only an operator can repair an AMI
 *   whose owner has deleted their account (RGPD): appoint a new owner, or delete it.
 * - Only platform admins create AMIs: sign-up is open to any agent, and an AMI is the Region's call.
 * - The AMI record (title, dates, envelope…), its status, members and invitation links: admin and
 *   owner. Only the owner deletes it. Only an owner gives or takes the owner role (otherwise an admin
 *   could demote the owner and delete the AMI); invitation links never carry the owner role (a
 *   forwarded link must not hand over the AMI).
 * - The AMI text is the Region's call for applications: admins and owners write it (PRODUCT.md:
 *   the lead and her chargée de mission co-write it); commenters and editors comment on it; readers
 *   read it. Editors are the collectivités, who must not rewrite the call.
 * - A board inherits its AMI role, with one exception: on a restricted proposal board, an editor
 *   from another organisation is a commenter. Admins and owners keep their rights (the lead must
 *   be able to restore a damaged board); readers and commenters are unchanged; restriction never
 *   raises anyone.
 * - Editors create boards for their own organisation only (admins for any), so nobody can create a
 *   board in another collectivité's name; for the same reason only admins hand a board over to
 *   another organisation (`board.transfer`). A board's title and kind, and its restricted flag
 *   (proposal boards only), are changed by admins or by editors of the board's own organisation;
 *   archiving and unarchiving are for admins only (an editor who archived could not undo it).
 * - An archived board is read-only for everyone: no content, comment or metadata change; admins may
 *   unarchive it.
 * - A closed AMI (clôturé) is an archive of the participants' work: its boards and text are
 *   read-only for everyone (no board created, edited, commented, archived or restricted). The AMI
 *   record, members and links stay manageable by admins (inviting partners to read the results),
 *   and the status can go back to expérimentation (see `ami-status.ts`).
 * - Status changes follow `canTransition`. Other statuses do not change what a role may do.
 * - Evaluation (issue 6): every member reads the grid (its criteria are those of the call). Experts
 *   (commenters) and admins score proposal boards — not editors, who are the candidates. An
 *   expert's scores are seen by that expert and the AMI's admins only; the ranking (means, spread,
 *   recommendation counts, never one expert's scores or comments) is for admins until they publish
 *   it, then for every member. Publishing freezes the grid and the scores (admins may withdraw
 *   the publication to change them); a closed AMI's evaluation is read-only like the rest.
 * - Account actions are on one's own account only, for everyone, platform admins included.
 * - Essaimage: an AMI's admins and owners publish its boards (or frames of them) as templates of
 *   the platform-wide library, even once the AMI is closed (spreading what worked comes after the
 *   experiments). Any signed-in user reads the library; a template is deleted by whoever published
 *   it or by a platform admin.
 *
 * Inputs are checked too, failing closed: a resource of the wrong type, a membership of another AMI,
 * an unknown role, or a missing `restricted` / `archived` flag never grant more than the safe reading.
 */

export interface Membership {
  readonly amiId: Id;
  readonly role: AmiRole;
}

/**
 * The person asking, as seen by one AMI. `membership` is their membership of the AMI the resource
 * belongs to, or null; a membership of another AMI counts as none (it carries its AMI id so that a
 * caller who loaded the wrong row cannot grant rights by mistake).
 */
export interface Actor {
  readonly userId: Id;
  readonly platformAdmin: boolean;
  readonly organisationId: Id | null;
  readonly membership: Membership | null;
}

export interface AmiResource {
  readonly type: 'ami';
  readonly amiId: Id;
  readonly status: AmiStatus;
}

/** `ami.changeStatus`: the AMI and the status asked for. */
export interface AmiStatusChange extends AmiResource {
  readonly to: AmiStatus;
}

/**
 * `ami.manageMembers`: without `change`, listing members; with it, adding (`from: null`), removing
 * (`to: null`) or changing someone's role. Keeping at least one owner needs a count the function
 * does not have: the caller checks it.
 */
export interface MemberManagement extends AmiResource {
  readonly change?: { readonly from: AmiRole | null; readonly to: AmiRole | null };
}

/** `ami.manageInvitations`: listing and revoking links, or creating one with `invitationRole`. */
export interface InvitationManagement extends AmiResource {
  readonly invitationRole?: AmiRole;
}

export interface BoardResource {
  readonly type: 'board';
  readonly amiId: Id;
  readonly amiStatus: AmiStatus;
  readonly boardId: Id;
  /** The organisation that owns the board. */
  readonly organisationId: Id;
  readonly kind: BoardKind;
  readonly restricted: boolean;
  readonly archived: boolean;
}

/** `board.create`: the AMI and the organisation that will own the new board. */
export interface NewBoardResource {
  readonly type: 'new-board';
  readonly amiId: Id;
  readonly amiStatus: AmiStatus;
  readonly organisationId: Id;
}

/** Actions on the platform as a whole (not on one AMI). */
export interface PlatformResource {
  readonly type: 'platform';
}

export interface AccountResource {
  readonly type: 'account';
  readonly userId: Id;
}

/** The evaluation of an AMI's proposals: its grid and its results. */
export interface EvaluationResource {
  readonly type: 'evaluation';
  readonly amiId: Id;
  readonly amiStatus: AmiStatus;
  /** Whether the admins have published the results (a missing flag counts as published for changes, unpublished for reading). */
  readonly published: boolean;
}

/** `evaluation.score`: one board, as its AMI's evaluation stands. */
export interface ScoringResource extends Omit<BoardResource, 'type'> {
  readonly type: 'scoring';
  readonly published: boolean;
}

/** A template of the library: who published it (null once their account is deleted). */
export interface TemplateResource {
  readonly type: 'template';
  readonly publishedBy: Id | null;
}

/** Every action, and the resource it is decided on. */
export interface ActionResources {
  'ami.view': AmiResource;
  'ami.create': PlatformResource;
  'ami.edit': AmiResource;
  'ami.changeStatus': AmiStatusChange;
  'ami.delete': AmiResource;
  'ami.manageMembers': MemberManagement;
  'ami.manageInvitations': InvitationManagement;
  'board.view': BoardResource;
  'board.create': NewBoardResource;
  'board.editContent': BoardResource;
  'board.comment': BoardResource;
  'board.editMetadata': BoardResource;
  'board.transfer': BoardResource;
  'board.archive': BoardResource;
  'board.unarchive': BoardResource;
  'board.restrict': BoardResource;
  'amiText.view': AmiResource;
  'amiText.edit': AmiResource;
  'amiText.comment': AmiResource;
  'domain.create': PlatformResource;
  'account.view': AccountResource;
  'account.changePassword': AccountResource;
  'account.logoutEverywhere': AccountResource;
  'account.exportData': AccountResource;
  'account.delete': AccountResource;
  'evaluation.viewGrid': EvaluationResource;
  'evaluation.editGrid': EvaluationResource;
  'evaluation.score': ScoringResource;
  'evaluation.viewAllScores': EvaluationResource;
  'evaluation.publish': EvaluationResource;
  'evaluation.viewResults': EvaluationResource;
  'template.publish': AmiResource;
  'template.delete': TemplateResource;
}

export type Action = keyof ActionResources;

/** The resource type each action expects: checked at run time, since callers may be untyped. */
const RESOURCE_TYPES: { readonly [A in Action]: ActionResources[A]['type'] } = {
  'ami.view': 'ami',
  'ami.create': 'platform',
  'ami.edit': 'ami',
  'ami.changeStatus': 'ami',
  'ami.delete': 'ami',
  'ami.manageMembers': 'ami',
  'ami.manageInvitations': 'ami',
  'board.view': 'board',
  'board.create': 'new-board',
  'board.editContent': 'board',
  'board.comment': 'board',
  'board.editMetadata': 'board',
  'board.transfer': 'board',
  'board.archive': 'board',
  'board.unarchive': 'board',
  'board.restrict': 'board',
  'amiText.view': 'ami',
  'amiText.edit': 'ami',
  'amiText.comment': 'ami',
  'domain.create': 'platform',
  'account.view': 'account',
  'account.changePassword': 'account',
  'account.logoutEverywhere': 'account',
  'account.exportData': 'account',
  'account.delete': 'account',
  'evaluation.viewGrid': 'evaluation',
  'evaluation.editGrid': 'evaluation',
  'evaluation.score': 'scoring',
  'evaluation.viewAllScores': 'evaluation',
  'evaluation.publish': 'evaluation',
  'evaluation.viewResults': 'evaluation',
  'template.publish': 'ami',
  'template.delete': 'template',
};

export const ACTIONS = Object.keys(RESOURCE_TYPES) as readonly Action[];

/** What the action is, in French, to complete « … ne permet pas de <phrase> ». */
const ACTION_PHRASES: { readonly [A in Action]: string } = {
  'ami.view': 'consulter cet AMI',
  'ami.create': 'créer un AMI',
  'ami.edit': 'modifier cet AMI',
  'ami.changeStatus': 'changer le statut de cet AMI',
  'ami.delete': 'supprimer cet AMI',
  'ami.manageMembers': 'gérer les membres de cet AMI',
  'ami.manageInvitations': "gérer les liens d'invitation de cet AMI",
  'board.view': 'consulter ce tableau',
  'board.create': 'créer un tableau',
  'board.editContent': 'modifier ce tableau',
  'board.comment': 'commenter ce tableau',
  'board.editMetadata': 'modifier les informations de ce tableau',
  'board.transfer': 'confier ce tableau à une autre organisation',
  'board.archive': 'archiver ce tableau',
  'board.unarchive': 'désarchiver ce tableau',
  'board.restrict': 'réserver ce tableau à son organisation',
  'amiText.view': 'lire le texte de cet AMI',
  'amiText.edit': 'modifier le texte de cet AMI',
  'amiText.comment': 'commenter le texte de cet AMI',
  'domain.create': 'créer un domaine',
  'account.view': 'consulter ce compte',
  'account.changePassword': 'changer le mot de passe de ce compte',
  'account.logoutEverywhere': 'déconnecter ce compte partout',
  'account.exportData': 'exporter les données de ce compte',
  'account.delete': 'supprimer ce compte',
  'evaluation.viewGrid': "consulter la grille d'évaluation de cet AMI",
  'evaluation.editGrid': "modifier la grille d'évaluation de cet AMI",
  'evaluation.score': 'noter cette proposition',
  'evaluation.viewAllScores': 'consulter les notes de chaque expert',
  'evaluation.publish': "publier les résultats de l'évaluation",
  'evaluation.viewResults': 'consulter le classement des propositions',
  'template.publish': 'publier un modèle à partir de cet AMI',
  'template.delete': 'supprimer ce modèle',
};

/** Why a request is refused; the client may translate by code, logs record it. */
export type RefusalCode =
  | 'unauthenticated'
  | 'invalid-request'
  | 'not-member'
  | 'role-too-low'
  | 'owner-only'
  | 'platform-admin-only'
  | 'self-only'
  | 'restricted-board'
  | 'other-organisation'
  | 'not-proposal'
  | 'archived'
  | 'not-archived'
  | 'ami-closed'
  | 'transition'
  | 'owner-invitation'
  | 'results-published'
  | 'results-unpublished';

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: RefusalCode; readonly reason: string };

const ALLOW: Decision = { allowed: true };

/**
 * French typography: a no-break space before « : ; ! ? » and after «, so a line never starts with
 * a colon. Messages are written with plain spaces and fixed here, which keeps them readable.
 */
function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

function refuse(code: RefusalCode, reason: string): Decision {
  return { allowed: false, code, reason: frenchSpacing(reason) };
}

/** Runs checks in order and returns the first refusal, or ALLOW. */
function firstRefusal(...checks: readonly (() => Decision)[]): Decision {
  for (const check of checks) {
    const decision = check();
    if (!decision.allowed) return decision;
  }
  return ALLOW;
}

/** The actor's role on an AMI: owner for platform admins, else their membership of that AMI. */
export function effectiveAmiRole(actor: Actor, amiId: Id): AmiRole | null {
  if (actor.platformAdmin === true) return 'owner';
  const membership = actor.membership;
  if (membership === null || typeof membership !== 'object') return null;
  if (membership.amiId !== amiId || !isAmiRole(membership.role)) return null;
  return membership.role;
}

function isOwnOrganisation(actor: Actor, organisationId: Id): boolean {
  return actor.organisationId !== null && actor.organisationId === organisationId;
}

/**
 * The actor's role on a board: their AMI role, except that a restricted board makes an editor
 * from another organisation a commenter. A missing flag counts as restricted (fail closed).
 */
export function effectiveBoardRole(actor: Actor, board: BoardResource): AmiRole | null {
  const role = effectiveAmiRole(actor, board.amiId);
  if (role === 'editor' && board.restricted !== false && !isOwnOrganisation(actor, board.organisationId)) {
    return 'commenter';
  }
  return role;
}

function needAmiRole(actor: Actor, action: Action, amiId: Id, min: AmiRole): Decision {
  const role = effectiveAmiRole(actor, amiId);
  if (role === null) return refuse('not-member', "Vous n'avez pas accès à cet AMI.");
  if (roleAtLeast(role, min)) return ALLOW;
  if (min === 'owner') return refuse('owner-only', `Seul le propriétaire de l'AMI peut ${ACTION_PHRASES[action]}.`);
  return refuse(
    'role-too-low',
    `Votre rôle sur cet AMI (${AMI_ROLE_LABELS[role]}) ne permet pas de ${ACTION_PHRASES[action]}.`,
  );
}

function needBoardRole(actor: Actor, action: Action, board: BoardResource, min: AmiRole): Decision {
  const onAmi = needAmiRole(actor, action, board.amiId, min);
  if (!onAmi.allowed) return onAmi;
  if (roleAtLeast(effectiveBoardRole(actor, board), min)) return ALLOW;
  return refuse(
    'restricted-board',
    'Ce tableau est réservé aux agents de son organisation : vous pouvez le commenter, pas le modifier.',
  );
}

/** A status that is not one (a missing or corrupted value) counts as closed: fail closed. */
function needOpenAmi(status: AmiStatus): Decision {
  return isClosedStatus(status) || !isAmiStatus(status)
    ? refuse('ami-closed', 'Cet AMI est clôturé : ses tableaux et son texte sont en lecture seule.')
    : ALLOW;
}

function needNotArchived(board: Pick<BoardResource, 'archived'>): Decision {
  return board.archived === false ? ALLOW : refuse('archived', 'Ce tableau est archivé : il est en lecture seule.');
}

function needOwnOrganisationOrAdmin(actor: Actor, action: Action, amiId: Id, organisationId: Id): Decision {
  if (roleAtLeast(effectiveAmiRole(actor, amiId), 'admin') || isOwnOrganisation(actor, organisationId)) return ALLOW;
  return refuse(
    'other-organisation',
    action === 'board.create'
      ? 'Vous ne pouvez créer un tableau que pour votre propre organisation.'
      : `Seuls les agents de l'organisation de ce tableau et les administrateurs de l'AMI peuvent ${ACTION_PHRASES[action]}.`,
  );
}

function needPlatformAdmin(actor: Actor, action: Action): Decision {
  return actor.platformAdmin === true
    ? ALLOW
    : refuse('platform-admin-only', `Seul un administrateur de la plateforme peut ${ACTION_PHRASES[action]}.`);
}

function needSelf(actor: Actor, account: AccountResource): Decision {
  return account.userId === actor.userId
    ? ALLOW
    : refuse('self-only', 'Vous ne pouvez agir que sur votre propre compte.');
}

const INVALID = refuse('invalid-request', 'Demande invalide.');

function needMemberChange(actor: Actor, resource: MemberManagement): Decision {
  const change = resource.change;
  if (change === undefined) return ALLOW;
  const { from, to } = change;
  if ((from !== null && !isAmiRole(from)) || (to !== null && !isAmiRole(to)) || from === to) return INVALID;
  if (from !== 'owner' && to !== 'owner') return ALLOW;
  return effectiveAmiRole(actor, resource.amiId) === 'owner'
    ? ALLOW
    : refuse('owner-only', "Seul le propriétaire de l'AMI peut donner ou retirer le rôle propriétaire.");
}

function needInvitationRole(resource: InvitationManagement): Decision {
  const role = resource.invitationRole;
  if (role === undefined) return ALLOW;
  if (!isAmiRole(role)) return INVALID;
  return role === 'owner'
    ? refuse('owner-invitation', "Un lien d'invitation ne peut pas donner le rôle propriétaire.")
    : ALLOW;
}

/** Once the results are out, the grid and the scores behind them stay as they were published. */
function needUnpublished(evaluation: { readonly published: boolean }): Decision {
  return evaluation.published === false
    ? ALLOW
    : refuse('results-published', "Les résultats de l'évaluation sont publiés : la grille et les notes ne changent plus.");
}

/**
 * Experts (commenters) and the AMI's admins score proposals; editors are the collectivités whose
 * proposals are scored, and readers only follow — although an editor outranks a commenter.
 */
function needScorer(actor: Actor, action: Action, amiId: Id): Decision {
  const onAmi = needAmiRole(actor, action, amiId, 'commenter');
  if (!onAmi.allowed) return onAmi;
  return effectiveAmiRole(actor, amiId) === 'editor'
    ? refuse('role-too-low', `Votre rôle sur cet AMI (${AMI_ROLE_LABELS.editor}) ne permet pas de ${ACTION_PHRASES[action]}.`)
    : ALLOW;
}

type Rule<A extends Action> = (actor: Actor, resource: ActionResources[A]) => Decision;

/** One rule per action; checks run membership → role → organisation → state. */
const RULES: { readonly [A in Action]: Rule<A> } = {
  'ami.view': (actor, ami) => needAmiRole(actor, 'ami.view', ami.amiId, 'reader'),
  'ami.create': (actor) => needPlatformAdmin(actor, 'ami.create'),
  'ami.edit': (actor, ami) => needAmiRole(actor, 'ami.edit', ami.amiId, 'admin'),
  'ami.changeStatus': (actor, change) =>
    firstRefusal(
      () => needAmiRole(actor, 'ami.changeStatus', change.amiId, 'admin'),
      () =>
        canTransition(change.status, change.to)
          ? ALLOW
          : refuse(
              'transition',
              `Un AMI ne peut pas passer du statut « ${AMI_STATUS_LABELS[change.status] ?? change.status} » au statut « ${AMI_STATUS_LABELS[change.to] ?? change.to} ».`,
            ),
    ),
  'ami.delete': (actor, ami) => needAmiRole(actor, 'ami.delete', ami.amiId, 'owner'),
  'ami.manageMembers': (actor, members) =>
    firstRefusal(
      () => needAmiRole(actor, 'ami.manageMembers', members.amiId, 'admin'),
      () => needMemberChange(actor, members),
    ),
  'ami.manageInvitations': (actor, links) =>
    firstRefusal(
      () => needAmiRole(actor, 'ami.manageInvitations', links.amiId, 'admin'),
      () => needInvitationRole(links),
    ),

  'board.view': (actor, board) => needBoardRole(actor, 'board.view', board, 'reader'),
  'board.create': (actor, board) =>
    firstRefusal(
      () => needAmiRole(actor, 'board.create', board.amiId, 'editor'),
      () => needOwnOrganisationOrAdmin(actor, 'board.create', board.amiId, board.organisationId),
      () => needOpenAmi(board.amiStatus),
    ),
  'board.editContent': (actor, board) =>
    firstRefusal(
      () => needBoardRole(actor, 'board.editContent', board, 'editor'),
      () => needOpenAmi(board.amiStatus),
      () => needNotArchived(board),
    ),
  'board.comment': (actor, board) =>
    firstRefusal(
      () => needBoardRole(actor, 'board.comment', board, 'commenter'),
      () => needOpenAmi(board.amiStatus),
      () => needNotArchived(board),
    ),
  'board.editMetadata': (actor, board) =>
    firstRefusal(
      () => needBoardRole(actor, 'board.editMetadata', board, 'editor'),
      () => needOwnOrganisationOrAdmin(actor, 'board.editMetadata', board.amiId, board.organisationId),
      () => needOpenAmi(board.amiStatus),
      () => needNotArchived(board),
    ),
  'board.transfer': (actor, board) =>
    firstRefusal(
      () => needAmiRole(actor, 'board.transfer', board.amiId, 'admin'),
      () => needOpenAmi(board.amiStatus),
      () => needNotArchived(board),
    ),
  'board.archive': (actor, board) =>
    firstRefusal(
      () => needAmiRole(actor, 'board.archive', board.amiId, 'admin'),
      () => needOpenAmi(board.amiStatus),
      () => needNotArchived(board),
    ),
  'board.unarchive': (actor, board) =>
    firstRefusal(
      () => needAmiRole(actor, 'board.unarchive', board.amiId, 'admin'),
      () => needOpenAmi(board.amiStatus),
      () => (board.archived === true ? ALLOW : refuse('not-archived', "Ce tableau n'est pas archivé.")),
    ),
  'board.restrict': (actor, board) =>
    firstRefusal(
      () => needBoardRole(actor, 'board.restrict', board, 'editor'),
      () => needOwnOrganisationOrAdmin(actor, 'board.restrict', board.amiId, board.organisationId),
      () =>
        board.kind === 'proposition'
          ? ALLOW
          : refuse('not-proposal', "Seul un tableau de proposition d'expérimentation peut être réservé à son organisation."),
      () => needOpenAmi(board.amiStatus),
      () => needNotArchived(board),
    ),

  'amiText.view': (actor, ami) => needAmiRole(actor, 'amiText.view', ami.amiId, 'reader'),
  'amiText.edit': (actor, ami) =>
    firstRefusal(
      () => needAmiRole(actor, 'amiText.edit', ami.amiId, 'admin'),
      () => needOpenAmi(ami.status),
    ),
  'amiText.comment': (actor, ami) =>
    firstRefusal(
      () => needAmiRole(actor, 'amiText.comment', ami.amiId, 'commenter'),
      () => needOpenAmi(ami.status),
    ),

  'domain.create': (actor) => needPlatformAdmin(actor, 'domain.create'),

  'account.view': needSelf,
  'account.changePassword': needSelf,
  'account.logoutEverywhere': needSelf,
  'account.exportData': needSelf,
  'account.delete': needSelf,

  'evaluation.viewGrid': (actor, evaluation) => needAmiRole(actor, 'evaluation.viewGrid', evaluation.amiId, 'reader'),
  'evaluation.editGrid': (actor, evaluation) =>
    firstRefusal(
      () => needAmiRole(actor, 'evaluation.editGrid', evaluation.amiId, 'admin'),
      () => needOpenAmi(evaluation.amiStatus),
      () => needUnpublished(evaluation),
    ),
  'evaluation.score': (actor, scoring) =>
    firstRefusal(
      () => needScorer(actor, 'evaluation.score', scoring.amiId),
      () =>
        scoring.kind === 'proposition'
          ? ALLOW
          : refuse('not-proposal', "Seuls les tableaux de proposition d'expérimentation sont évalués."),
      () => needOpenAmi(scoring.amiStatus),
      () => needNotArchived(scoring),
      () => needUnpublished(scoring),
    ),
  'evaluation.viewAllScores': (actor, evaluation) => needAmiRole(actor, 'evaluation.viewAllScores', evaluation.amiId, 'admin'),
  'evaluation.publish': (actor, evaluation) =>
    firstRefusal(
      () => needAmiRole(actor, 'evaluation.publish', evaluation.amiId, 'admin'),
      () => needOpenAmi(evaluation.amiStatus),
    ),
  'evaluation.viewResults': (actor, evaluation) =>
    firstRefusal(
      () => needAmiRole(actor, 'evaluation.viewResults', evaluation.amiId, 'reader'),
      () =>
        evaluation.published === true || roleAtLeast(effectiveAmiRole(actor, evaluation.amiId), 'admin')
          ? ALLOW
          : refuse('results-unpublished', "Les résultats de l'évaluation ne sont pas encore publiés."),
    ),

  'template.publish': (actor, ami) => needAmiRole(actor, 'template.publish', ami.amiId, 'admin'),
  'template.delete': (actor, template) =>
    actor.platformAdmin === true || (template.publishedBy !== null && template.publishedBy === actor.userId)
      ? ALLOW
      : refuse('self-only', 'Seuls la personne qui a publié ce modèle et les administrateurs de la plateforme peuvent le supprimer.'),
};

/**
 * The decision, with a French reason when refused (for error messages and logs). `actor` is null
 * for a request without a valid session.
 */
export function decide<A extends Action>(actor: Actor | null, action: A, resource: ActionResources[A]): Decision {
  if (actor === null || typeof actor !== 'object') return refuse('unauthenticated', 'Vous devez vous connecter.');
  if (!Object.hasOwn(RULES, action)) return INVALID;
  if (resource === null || typeof resource !== 'object' || resource.type !== RESOURCE_TYPES[action]) return INVALID;
  return (RULES[action] as Rule<A>)(actor, resource);
}

/** Whether `actor` may do `action` on `resource`. The one permission check of Éprouvette. */
export function can<A extends Action>(actor: Actor | null, action: A, resource: ActionResources[A]): boolean {
  return decide(actor, action, resource).allowed;
}

/**
 * What a sync connection to a document may do: `write` (updates applied), `comment` (read-only
 * document; the user writes comments through the REST API), `read` (read-only), or `none` (close with 4403,
 * or 4404 for a non-member). The resource must be the one the name points to — the AMI for its
 * text, the board for a board — or the answer is `none`.
 */
export type DocumentAccess = 'none' | 'read' | 'comment' | 'write';

/** Comment documents are read live by whoever may read what they comment on; only the server writes them. */
function commentsAccess(actor: Actor | null, ref: DocumentRef, resource: AmiResource | BoardResource): DocumentAccess {
  if (ref.kind === 'ami-text') return resource.type === 'ami' && can(actor, 'amiText.view', resource) ? 'read' : 'none';
  return resource.type === 'board' && resource.boardId === ref.boardId && can(actor, 'board.view', resource) ? 'read' : 'none';
}

export function documentAccess(
  actor: Actor | null,
  ref: DocumentRef,
  resource: AmiResource | BoardResource,
): DocumentAccess {
  if (ref === null || typeof ref !== 'object' || resource === null || typeof resource !== 'object') return 'none';
  if (resource.amiId !== ref.amiId) return 'none';
  if (ref.comments === true) return commentsAccess(actor, ref, resource);
  if (ref.kind === 'ami-text' && resource.type === 'ami') {
    if (can(actor, 'amiText.edit', resource)) return 'write';
    if (can(actor, 'amiText.comment', resource)) return 'comment';
    return can(actor, 'amiText.view', resource) ? 'read' : 'none';
  }
  if (ref.kind === 'board' && resource.type === 'board' && resource.boardId === ref.boardId) {
    if (can(actor, 'board.editContent', resource)) return 'write';
    if (can(actor, 'board.comment', resource)) return 'comment';
    return can(actor, 'board.view', resource) ? 'read' : 'none';
  }
  return 'none';
}
