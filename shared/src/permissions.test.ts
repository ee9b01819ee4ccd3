import { describe, expect, it } from 'vitest';
import type { AmiStatus } from './model/ami-status.ts';
import type { BoardKind } from './model/boards.ts';
import { commentsOf, type DocumentRef } from './model/documents.ts';
import type { AmiRole } from './model/roles.ts';
import type {
  AccountResource,
  Action,
  ActionResources,
  Actor,
  AmiResource,
  BoardResource,
  EvaluationResource,
  ScoringResource,
  DocumentAccess,
  RefusalCode,
} from './permissions.ts';
import { ACTIONS, can, decide, documentAccess, effectiveBoardRole } from './permissions.ts';

// ─── The cast ────────────────────────────────────────────────────────────────────────────────
// One AMI. Every signed-in actor except the platform admin is an agent of organisation A (a
// commune). Boards are owned by A (the actor's own organisation), B (another commune) or R (the
// Region, which runs the workshops).

const AMI = 'amiaaaaaaaaaaaaa';
const OTHER_AMI = 'amibbbbbbbbbbbbb';
const BOARD = 'boardaaaaaaaaaaa';
const ORG_A = 'orgaaaaaaaaaaaaa';
const ORG_B = 'orgbbbbbbbbbbbbb';
const ORG_R = 'orgregionaaaaaaa';
const SOMEONE_ELSE = 'usrsomeoneelseaa';

function member(userId: string, role: AmiRole): Actor {
  return { userId, platformAdmin: false, organisationId: ORG_A, membership: { amiId: AMI, role } };
}

/** Matrix columns, in order. */
const ACTORS: readonly [string, Actor | null][] = [
  ['anonymous', null],
  // Signed in, owner of another AMI but not a member of this one: rights never leak across AMIs.
  ['no membership', { userId: 'usrnoneaaaaaaaaa', platformAdmin: false, organisationId: ORG_A, membership: { amiId: OTHER_AMI, role: 'owner' } }],
  ['reader', member('usrreaderaaaaaaa', 'reader')],
  ['commenter', member('usrcommenteraaaa', 'commenter')],
  ['editor', member('usreditoraaaaaaa', 'editor')],
  ['admin', member('usradminaaaaaaaa', 'admin')],
  ['owner', member('usrowneraaaaaaaa', 'owner')],
  ['platform admin', { userId: 'usrplatformaaaaa', platformAdmin: true, organisationId: null, membership: null }],
];

function ami(status: AmiStatus = 'ateliers'): AmiResource {
  return { type: 'ami', amiId: AMI, status };
}

function board(
  kind: BoardKind,
  organisationId: string,
  flags: { restricted?: boolean; archived?: boolean; amiStatus?: AmiStatus } = {},
): BoardResource {
  return {
    type: 'board',
    amiId: AMI,
    amiStatus: flags.amiStatus ?? 'ateliers',
    boardId: BOARD,
    organisationId,
    kind,
    restricted: flags.restricted ?? false,
    archived: flags.archived ?? false,
  };
}

const workshop = board('atelier', ORG_R);
const ownProposal = board('proposition', ORG_A);
const ownRestricted = board('proposition', ORG_A, { restricted: true });
const otherProposal = board('proposition', ORG_B);
const otherRestricted = board('proposition', ORG_B, { restricted: true });
const ownArchived = board('proposition', ORG_A, { archived: true });
const workshopArchived = board('atelier', ORG_R, { archived: true });
const otherArchived = board('proposition', ORG_B, { restricted: true, archived: true });
const workshopClosed = board('atelier', ORG_R, { amiStatus: 'cloture' });
const ownClosed = board('proposition', ORG_A, { restricted: true, amiStatus: 'cloture' });

const self = (actor: Actor | null): AccountResource => ({ type: 'account', userId: actor?.userId ?? 'usranonymousaaa' });
const other: AccountResource = { type: 'account', userId: SOMEONE_ELSE };

/** The evaluation of the AMI, during the selection unless said otherwise. */
const evaluation = (flags: { published?: boolean; amiStatus?: AmiStatus } = {}): EvaluationResource => ({
  type: 'evaluation',
  amiId: AMI,
  amiStatus: flags.amiStatus ?? 'selection',
  published: flags.published ?? false,
});
const scoring = (target: BoardResource, published = false): ScoringResource => ({ ...target, type: 'scoring', published });

// ─── The matrix ──────────────────────────────────────────────────────────────────────────────
// Y = allowed, - = refused. Columns: anonymous, no membership, reader, commenter, editor, admin,
// owner, platform admin.

interface Row {
  action: Action;
  state: string;
  resource: (actor: Actor | null) => ActionResources[Action];
  cells: string;
}

function row<A extends Action>(
  cells: string,
  action: A,
  state: string,
  resource: ActionResources[A] | ((actor: Actor | null) => ActionResources[A]),
): Row {
  return { action, state, resource: typeof resource === 'function' ? resource : () => resource, cells };
}

const MATRIX: readonly Row[] = [
  //   anon  none  read  comm  edit  admn  ownr  plat
  // AMI
  row('-     -     Y     Y     Y     Y     Y     Y', 'ami.view', 'brouillon', ami('brouillon')),
  row('-     -     Y     Y     Y     Y     Y     Y', 'ami.view', 'ateliers', ami('ateliers')),
  row('-     -     Y     Y     Y     Y     Y     Y', 'ami.view', 'clôturé', ami('cloture')),
  row('-     -     -     -     -     -     -     Y', 'ami.create', 'platform', { type: 'platform' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.edit', 'ateliers', ami('ateliers')),
  row('-     -     -     -     -     Y     Y     Y', 'ami.edit', 'clôturé (the record stays editable)', ami('cloture')),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'brouillon → publié', { ...ami('brouillon'), to: 'publie' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'publié → candidatures', { ...ami('publie'), to: 'candidatures' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'candidatures → ateliers', { ...ami('candidatures'), to: 'ateliers' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'ateliers → sélection', { ...ami('ateliers'), to: 'selection' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'sélection → expérimentation', { ...ami('selection'), to: 'experimentation' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'expérimentation → clôturé', { ...ami('experimentation'), to: 'cloture' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'publié → brouillon (back)', { ...ami('publie'), to: 'brouillon' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.changeStatus', 'clôturé → expérimentation (reopen)', { ...ami('cloture'), to: 'experimentation' }),
  row('-     -     -     -     -     -     -     -', 'ami.changeStatus', 'brouillon → candidatures (skip)', { ...ami('brouillon'), to: 'candidatures' }),
  row('-     -     -     -     -     -     -     -', 'ami.changeStatus', 'candidatures → publié (back)', { ...ami('candidatures'), to: 'publie' }),
  row('-     -     -     -     -     -     -     -', 'ami.changeStatus', 'sélection → ateliers (back)', { ...ami('selection'), to: 'ateliers' }),
  row('-     -     -     -     -     -     -     -', 'ami.changeStatus', 'clôturé → brouillon', { ...ami('cloture'), to: 'brouillon' }),
  row('-     -     -     -     -     -     -     -', 'ami.changeStatus', 'ateliers → ateliers (no change)', { ...ami('ateliers'), to: 'ateliers' }),
  row('-     -     -     -     -     -     Y     Y', 'ami.delete', 'ateliers', ami('ateliers')),
  row('-     -     -     -     -     -     Y     Y', 'ami.delete', 'clôturé', ami('cloture')),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageMembers', 'list', ami()),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageMembers', 'add a reader', { ...ami(), change: { from: null, to: 'reader' } }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageMembers', 'add an admin', { ...ami(), change: { from: null, to: 'admin' } }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageMembers', 'editor → admin', { ...ami(), change: { from: 'editor', to: 'admin' } }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageMembers', 'admin → reader', { ...ami(), change: { from: 'admin', to: 'reader' } }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageMembers', 'remove an editor', { ...ami(), change: { from: 'editor', to: null } }),
  row('-     -     -     -     -     -     Y     Y', 'ami.manageMembers', 'add an owner', { ...ami(), change: { from: null, to: 'owner' } }),
  row('-     -     -     -     -     -     Y     Y', 'ami.manageMembers', 'owner → admin', { ...ami(), change: { from: 'owner', to: 'admin' } }),
  row('-     -     -     -     -     -     Y     Y', 'ami.manageMembers', 'remove an owner', { ...ami(), change: { from: 'owner', to: null } }),
  row('-     -     -     -     -     -     -     -', 'ami.manageMembers', 'reader → reader (no change)', { ...ami(), change: { from: 'reader', to: 'reader' } }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageMembers', 'clôturé, add a reader', { ...ami('cloture'), change: { from: null, to: 'reader' } }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageInvitations', 'list / revoke', ami()),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageInvitations', 'link as reader', { ...ami(), invitationRole: 'reader' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageInvitations', 'link as editor', { ...ami(), invitationRole: 'editor' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageInvitations', 'link as admin', { ...ami(), invitationRole: 'admin' }),
  row('-     -     -     -     -     -     -     -', 'ami.manageInvitations', 'link as owner', { ...ami(), invitationRole: 'owner' }),
  row('-     -     -     -     -     Y     Y     Y', 'ami.manageInvitations', 'clôturé, link as reader', { ...ami('cloture'), invitationRole: 'reader' }),

  // Boards
  row('-     -     Y     Y     Y     Y     Y     Y', 'board.view', 'workshop', workshop),
  row('-     -     Y     Y     Y     Y     Y     Y', 'board.view', 'other org, restricted', otherRestricted),
  row('-     -     Y     Y     Y     Y     Y     Y', 'board.view', 'other org, archived', otherArchived),
  row('-     -     Y     Y     Y     Y     Y     Y', 'board.view', 'AMI clôturé', workshopClosed),
  row('-     -     -     -     Y     Y     Y     Y', 'board.create', 'for own org', { type: 'new-board', amiId: AMI, amiStatus: 'ateliers', organisationId: ORG_A }),
  row('-     -     -     -     Y     Y     Y     Y', 'board.create', 'own org, AMI brouillon', { type: 'new-board', amiId: AMI, amiStatus: 'brouillon', organisationId: ORG_A }),
  row('-     -     -     -     -     Y     Y     Y', 'board.create', 'for another org', { type: 'new-board', amiId: AMI, amiStatus: 'ateliers', organisationId: ORG_B }),
  row('-     -     -     -     -     Y     Y     Y', 'board.create', 'for the Region', { type: 'new-board', amiId: AMI, amiStatus: 'ateliers', organisationId: ORG_R }),
  row('-     -     -     -     -     -     -     -', 'board.create', 'own org, AMI clôturé', { type: 'new-board', amiId: AMI, amiStatus: 'cloture', organisationId: ORG_A }),
  row('-     -     -     -     Y     Y     Y     Y', 'board.editContent', 'workshop', workshop),
  row('-     -     -     -     Y     Y     Y     Y', 'board.editContent', 'own org', ownProposal),
  row('-     -     -     -     Y     Y     Y     Y', 'board.editContent', 'own org, restricted', ownRestricted),
  row('-     -     -     -     Y     Y     Y     Y', 'board.editContent', 'other org', otherProposal),
  row('-     -     -     -     -     Y     Y     Y', 'board.editContent', 'other org, restricted', otherRestricted),
  row('-     -     -     -     -     Y     Y     Y', 'board.editContent', 'workshop wrongly flagged restricted', board('atelier', ORG_R, { restricted: true })),
  row('-     -     -     -     -     -     -     -', 'board.editContent', 'own org, archived', ownArchived),
  row('-     -     -     -     -     -     -     -', 'board.editContent', 'workshop, archived', workshopArchived),
  row('-     -     -     -     -     -     -     -', 'board.editContent', 'workshop, AMI clôturé', workshopClosed),
  row('-     -     -     -     -     -     -     -', 'board.editContent', 'own org, AMI clôturé', ownClosed),
  row('-     -     -     Y     Y     Y     Y     Y', 'board.comment', 'workshop', workshop),
  row('-     -     -     Y     Y     Y     Y     Y', 'board.comment', 'own org, restricted', ownRestricted),
  row('-     -     -     Y     Y     Y     Y     Y', 'board.comment', 'other org, restricted', otherRestricted),
  row('-     -     -     -     -     -     -     -', 'board.comment', 'other org, archived', otherArchived),
  row('-     -     -     -     -     -     -     -', 'board.comment', 'workshop, AMI clôturé', workshopClosed),
  row('-     -     -     -     -     Y     Y     Y', 'board.editMetadata', 'workshop (owned by the Region)', workshop),
  row('-     -     -     -     Y     Y     Y     Y', 'board.editMetadata', 'own org', ownProposal),
  row('-     -     -     -     Y     Y     Y     Y', 'board.editMetadata', 'own org, restricted', ownRestricted),
  row('-     -     -     -     -     Y     Y     Y', 'board.editMetadata', 'other org', otherProposal),
  row('-     -     -     -     -     Y     Y     Y', 'board.editMetadata', 'other org, restricted', otherRestricted),
  row('-     -     -     -     -     -     -     -', 'board.editMetadata', 'own org, archived', ownArchived),
  row('-     -     -     -     -     -     -     -', 'board.editMetadata', 'own org, AMI clôturé', ownClosed),
  row('-     -     -     -     -     Y     Y     Y', 'board.transfer', 'own org', ownProposal),
  row('-     -     -     -     -     Y     Y     Y', 'board.transfer', 'other org, restricted', otherRestricted),
  row('-     -     -     -     -     -     -     -', 'board.transfer', 'own org, archived', ownArchived),
  row('-     -     -     -     -     -     -     -', 'board.transfer', 'own org, AMI clôturé', ownClosed),
  row('-     -     -     -     -     Y     Y     Y', 'board.archive', 'workshop', workshop),
  row('-     -     -     -     -     Y     Y     Y', 'board.archive', 'own org', ownProposal),
  row('-     -     -     -     -     -     -     -', 'board.archive', 'already archived', ownArchived),
  row('-     -     -     -     -     -     -     -', 'board.archive', 'AMI clôturé', workshopClosed),
  row('-     -     -     -     -     Y     Y     Y', 'board.unarchive', 'archived', ownArchived),
  row('-     -     -     -     -     -     -     -', 'board.unarchive', 'not archived', ownProposal),
  row('-     -     -     -     -     -     -     -', 'board.unarchive', 'archived, AMI clôturé', board('proposition', ORG_A, { archived: true, amiStatus: 'cloture' })),
  row('-     -     -     -     Y     Y     Y     Y', 'board.restrict', 'own org proposal', ownProposal),
  row('-     -     -     -     Y     Y     Y     Y', 'board.restrict', 'own org, lift the restriction', ownRestricted),
  row('-     -     -     -     -     Y     Y     Y', 'board.restrict', 'other org proposal', otherProposal),
  row('-     -     -     -     -     Y     Y     Y', 'board.restrict', 'other org, restricted', otherRestricted),
  row('-     -     -     -     -     -     -     -', 'board.restrict', 'workshop', workshop),
  row('-     -     -     -     -     -     -     -', 'board.restrict', 'own org workshop', board('atelier', ORG_A)),
  row('-     -     -     -     -     -     -     -', 'board.restrict', 'own org, archived', ownArchived),
  row('-     -     -     -     -     -     -     -', 'board.restrict', 'own org, AMI clôturé', ownClosed),

  // AMI text
  row('-     -     Y     Y     Y     Y     Y     Y', 'amiText.view', 'brouillon', ami('brouillon')),
  row('-     -     Y     Y     Y     Y     Y     Y', 'amiText.view', 'ateliers', ami('ateliers')),
  row('-     -     Y     Y     Y     Y     Y     Y', 'amiText.view', 'clôturé', ami('cloture')),
  row('-     -     -     -     -     Y     Y     Y', 'amiText.edit', 'brouillon', ami('brouillon')),
  row('-     -     -     -     -     Y     Y     Y', 'amiText.edit', 'ateliers', ami('ateliers')),
  row('-     -     -     -     -     -     -     -', 'amiText.edit', 'clôturé', ami('cloture')),
  row('-     -     -     Y     Y     Y     Y     Y', 'amiText.comment', 'brouillon', ami('brouillon')),
  row('-     -     -     Y     Y     Y     Y     Y', 'amiText.comment', 'ateliers', ami('ateliers')),
  row('-     -     -     -     -     -     -     -', 'amiText.comment', 'clôturé', ami('cloture')),

  // Platform and accounts
  row('-     -     -     -     -     -     -     Y', 'domain.create', 'platform', { type: 'platform' }),
  row('-     Y     Y     Y     Y     Y     Y     Y', 'account.view', 'own account', self),
  row('-     -     -     -     -     -     -     -', 'account.view', "someone else's", other),
  row('-     Y     Y     Y     Y     Y     Y     Y', 'account.changePassword', 'own account', self),
  row('-     -     -     -     -     -     -     -', 'account.changePassword', "someone else's", other),
  row('-     Y     Y     Y     Y     Y     Y     Y', 'account.logoutEverywhere', 'own account', self),
  row('-     -     -     -     -     -     -     -', 'account.logoutEverywhere', "someone else's", other),
  row('-     Y     Y     Y     Y     Y     Y     Y', 'account.exportData', 'own account', self),
  row('-     -     -     -     -     -     -     -', 'account.exportData', "someone else's", other),
  row('-     Y     Y     Y     Y     Y     Y     Y', 'account.delete', 'own account', self),
  row('-     -     -     -     -     -     -     -', 'account.delete', "someone else's", other),

  // Evaluation: editors are the candidates, experts are commenters.
  row('-     -     Y     Y     Y     Y     Y     Y', 'evaluation.viewGrid', 'before publication', evaluation()),
  row('-     -     Y     Y     Y     Y     Y     Y', 'evaluation.viewGrid', 'published', evaluation({ published: true })),
  row('-     -     Y     Y     Y     Y     Y     Y', 'evaluation.viewGrid', 'clôturé', evaluation({ amiStatus: 'cloture' })),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.editGrid', 'before publication', evaluation()),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.editGrid', 'AMI brouillon', evaluation({ amiStatus: 'brouillon' })),
  row('-     -     -     -     -     -     -     -', 'evaluation.editGrid', 'published', evaluation({ published: true })),
  row('-     -     -     -     -     -     -     -', 'evaluation.editGrid', 'clôturé', evaluation({ amiStatus: 'cloture' })),
  row('-     -     -     Y     -     Y     Y     Y', 'evaluation.score', 'own org proposal', scoring(ownProposal)),
  row('-     -     -     Y     -     Y     Y     Y', 'evaluation.score', 'other org, restricted', scoring(otherRestricted)),
  row('-     -     -     -     -     -     -     -', 'evaluation.score', 'workshop', scoring(workshop)),
  row('-     -     -     -     -     -     -     -', 'evaluation.score', 'archived proposal', scoring(ownArchived)),
  row('-     -     -     -     -     -     -     -', 'evaluation.score', 'published', scoring(ownProposal, true)),
  row('-     -     -     -     -     -     -     -', 'evaluation.score', 'AMI clôturé', scoring(ownClosed)),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.viewAllScores', 'before publication', evaluation()),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.viewAllScores', 'published', evaluation({ published: true })),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.viewAllScores', 'clôturé', evaluation({ amiStatus: 'cloture', published: true })),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.publish', 'publish', evaluation()),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.publish', 'withdraw the publication', evaluation({ published: true })),
  row('-     -     -     -     -     -     -     -', 'evaluation.publish', 'clôturé', evaluation({ amiStatus: 'cloture' })),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.viewResults', 'before publication', evaluation()),
  row('-     -     Y     Y     Y     Y     Y     Y', 'evaluation.viewResults', 'published', evaluation({ published: true })),
  row('-     -     Y     Y     Y     Y     Y     Y', 'evaluation.viewResults', 'published, clôturé', evaluation({ amiStatus: 'cloture', published: true })),
  row('-     -     -     -     -     Y     Y     Y', 'evaluation.viewResults', 'unpublished, clôturé', evaluation({ amiStatus: 'cloture' })),

  // Template library (essaimage): published from an AMI by its admins, deleted by its publisher
  row('-     -     -     -     -     Y     Y     Y', 'template.publish', 'ateliers', ami('ateliers')),
  row('-     -     -     -     -     Y     Y     Y', 'template.publish', 'clôturé (essaimage comes after)', ami('cloture')),
  row('-     -     -     -     -     Y     -     Y', 'template.delete', 'published by the admin', { type: 'template', publishedBy: 'usradminaaaaaaaa' }),
  row('-     -     -     -     -     -     -     Y', 'template.delete', "publisher's account deleted", { type: 'template', publishedBy: null }),
];

describe('permission matrix', () => {
  it('has one cell per actor in every row', () => {
    for (const { action, state, cells } of MATRIX) {
      expect(cells.trim().split(/\s+/), `${action} · ${state}`).toHaveLength(ACTORS.length);
    }
  });

  it('covers every action', () => {
    expect(new Set(MATRIX.map(({ action }) => action))).toEqual(new Set(ACTIONS));
  });

  for (const { action, state, resource, cells } of MATRIX) {
    describe(`${action} · ${state}`, () => {
      const expected = cells.trim().split(/\s+/);
      ACTORS.forEach(([name, actor], column) => {
        const allowed = expected[column] === 'Y';
        it(`${name}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const target = resource(actor);
          expect(can(actor, action, target)).toBe(allowed);
          const decision = decide(actor, action, target);
          expect(decision.allowed).toBe(allowed);
          if (!decision.allowed) expect(decision.reason).toMatch(/\p{L}.*\.$/u);
        });
      });
    });
  }
});

// ─── Why a request is refused ────────────────────────────────────────────────────────────────

function actorNamed(name: string): Actor | null {
  const found = ACTORS.find(([label]) => label === name);
  if (found === undefined) throw new Error(`no actor ${name}`);
  return found[1];
}

describe('refusal codes and French reasons', () => {
  const cases: [string, Action, unknown, RefusalCode, string][] = [
    ['anonymous', 'ami.view', ami(), 'unauthenticated', 'Vous devez vous connecter.'],
    ['no membership', 'ami.view', ami(), 'not-member', "Vous n'avez pas accès à cet AMI."],
    ['reader', 'ami.edit', ami(), 'role-too-low', 'Votre rôle sur cet AMI (lecteur) ne permet pas de modifier cet AMI.'],
    ['editor', 'amiText.edit', ami(), 'role-too-low', 'Votre rôle sur cet AMI (éditeur) ne permet pas de modifier le texte de cet AMI.'],
    ['admin', 'ami.delete', ami(), 'owner-only', "Seul le propriétaire de l'AMI peut supprimer cet AMI."],
    ['admin', 'ami.manageMembers', { ...ami(), change: { from: 'owner', to: 'reader' } }, 'owner-only', "Seul le propriétaire de l'AMI peut donner ou retirer le rôle propriétaire."],
    ['owner', 'ami.create', { type: 'platform' }, 'platform-admin-only', 'Seul un administrateur de la plateforme peut créer un AMI.'],
    ['platform admin', 'account.delete', other, 'self-only', 'Vous ne pouvez agir que sur votre propre compte.'],
    ['editor', 'board.editContent', otherRestricted, 'restricted-board', 'Ce tableau est réservé aux agents de son organisation\u00a0: vous pouvez le commenter, pas le modifier.'],
    ['editor', 'board.editMetadata', otherProposal, 'other-organisation', "Seuls les agents de l'organisation de ce tableau et les administrateurs de l'AMI peuvent modifier les informations de ce tableau."],
    ['editor', 'board.create', { type: 'new-board', amiId: AMI, amiStatus: 'ateliers', organisationId: ORG_B }, 'other-organisation', 'Vous ne pouvez créer un tableau que pour votre propre organisation.'],
    ['admin', 'board.restrict', workshop, 'not-proposal', "Seul un tableau de proposition d'expérimentation peut être réservé à son organisation."],
    ['owner', 'board.editContent', ownArchived, 'archived', 'Ce tableau est archivé\u00a0: il est en lecture seule.'],
    ['admin', 'board.unarchive', ownProposal, 'not-archived', "Ce tableau n'est pas archivé."],
    ['platform admin', 'board.comment', workshopClosed, 'ami-closed', 'Cet AMI est clôturé\u00a0: ses tableaux et son texte sont en lecture seule.'],
    ['admin', 'ami.changeStatus', { ...ami('brouillon'), to: 'ateliers' }, 'transition', 'Un AMI ne peut pas passer du statut «\u00a0Brouillon\u00a0» au statut «\u00a0Ateliers\u00a0».'],
    ['owner', 'ami.manageInvitations', { ...ami(), invitationRole: 'owner' }, 'owner-invitation', "Un lien d'invitation ne peut pas donner le rôle propriétaire."],
    ['owner', 'template.delete', { type: 'template', publishedBy: SOMEONE_ELSE }, 'self-only', 'Seuls la personne qui a publié ce modèle et les administrateurs de la plateforme peuvent le supprimer.'],
    ['editor', 'template.publish', ami(), 'role-too-low', 'Votre rôle sur cet AMI (éditeur) ne permet pas de publier un modèle à partir de cet AMI.'],
    ['owner', 'ami.manageMembers', { ...ami(), change: { from: null, to: null } }, 'invalid-request', 'Demande invalide.'],
    ['owner', 'ami.manageMembers', { ...ami(), change: { from: null, to: 'superuser' } }, 'invalid-request', 'Demande invalide.'],
    ['owner', 'ami.manageInvitations', { ...ami(), invitationRole: 'superuser' }, 'invalid-request', 'Demande invalide.'],
    ['owner', 'board.editContent', ami(), 'invalid-request', 'Demande invalide.'],
    ['owner', 'ami.view', workshop, 'invalid-request', 'Demande invalide.'],
    ['owner', 'ami.view', null, 'invalid-request', 'Demande invalide.'],
    ['owner', 'ami.selfDestruct' as Action, ami(), 'invalid-request', 'Demande invalide.'],
    ['owner', 'toString' as Action, ami(), 'invalid-request', 'Demande invalide.'],
    ['editor', 'evaluation.score', scoring(ownProposal), 'role-too-low', 'Votre rôle sur cet AMI (éditeur) ne permet pas de noter cette proposition.'],
    ['reader', 'evaluation.score', scoring(ownProposal), 'role-too-low', 'Votre rôle sur cet AMI (lecteur) ne permet pas de noter cette proposition.'],
    ['commenter', 'evaluation.score', scoring(workshop), 'not-proposal', "Seuls les tableaux de proposition d'expérimentation sont évalués."],
    ['commenter', 'evaluation.score', scoring(ownProposal, true), 'results-published', "Les résultats de l'évaluation sont publiés\u00a0: la grille et les notes ne changent plus."],
    ['admin', 'evaluation.editGrid', evaluation({ published: true }), 'results-published', "Les résultats de l'évaluation sont publiés\u00a0: la grille et les notes ne changent plus."],
    ['editor', 'evaluation.viewResults', evaluation(), 'results-unpublished', "Les résultats de l'évaluation ne sont pas encore publiés."],
    ['commenter', 'evaluation.viewAllScores', evaluation({ published: true }), 'role-too-low', 'Votre rôle sur cet AMI (commentateur) ne permet pas de consulter les notes de chaque expert.'],
    ['owner', 'evaluation.score', evaluation(), 'invalid-request', 'Demande invalide.'],
  ];

  it.each(cases)('%s · %s → %s', (name, action, resource, code, reason) => {
    expect(decide(actorNamed(name), action, resource as ActionResources[Action])).toEqual({ allowed: false, code, reason });
  });

  it('checks membership first: a stranger learns nothing about the board or the AMI', () => {
    expect(decide(actorNamed('no membership'), 'board.editContent', ownArchived)).toMatchObject({ code: 'not-member' });
    expect(decide(actorNamed('no membership'), 'ami.changeStatus', { ...ami('cloture'), to: 'brouillon' })).toMatchObject({ code: 'not-member' });
  });
});

describe('fails closed on inputs that do not match the types', () => {
  const editor = member('usreditoraaaaaaa', 'editor');

  it('a role that is not a role is no membership', () => {
    const odd = { ...editor, membership: { amiId: AMI, role: 'superuser' as AmiRole } };
    expect(decide(odd, 'ami.view', ami())).toMatchObject({ code: 'not-member' });
  });

  it('a platformAdmin flag that is not exactly true grants nothing', () => {
    const odd = { ...editor, membership: null, platformAdmin: 'yes' as unknown as boolean };
    expect(can(odd, 'ami.view', ami())).toBe(false);
    expect(can(odd, 'domain.create', { type: 'platform' })).toBe(false);
  });

  it('a board without its restricted flag is treated as restricted', () => {
    const { restricted: _restricted, ...unflagged } = otherProposal;
    expect(can(editor, 'board.editContent', unflagged as BoardResource)).toBe(false);
    expect(can(editor, 'board.comment', unflagged as BoardResource)).toBe(true);
  });

  it('a board without its archived flag is treated as archived', () => {
    const { archived: _archived, ...unflagged } = ownProposal;
    expect(can(editor, 'board.editContent', unflagged as BoardResource)).toBe(false);
    expect(can(editor, 'board.view', unflagged as BoardResource)).toBe(true);
  });

  it('an AMI status that is not a status counts as closed', () => {
    const odd = board('atelier', ORG_R, { amiStatus: 'archive' as AmiStatus });
    expect(decide(editor, 'board.editContent', odd)).toMatchObject({ code: 'ami-closed' });
    expect(can(editor, 'board.view', odd)).toBe(true);
  });

  it('an evaluation without its published flag is published for changes and unpublished for reading', () => {
    const { published: _published, ...unflagged } = evaluation();
    const admin = member('usradminaaaaaaaa', 'admin');
    expect(decide(admin, 'evaluation.editGrid', unflagged as EvaluationResource)).toMatchObject({ code: 'results-published' });
    expect(decide(member('usrcommenteraaaa', 'commenter'), 'evaluation.score', { ...scoring(ownProposal), published: undefined } as unknown as ScoringResource)).toMatchObject({ code: 'results-published' });
    expect(decide(editor, 'evaluation.viewResults', unflagged as EvaluationResource)).toMatchObject({ code: 'results-unpublished' });
    expect(can(admin, 'evaluation.viewResults', unflagged as EvaluationResource)).toBe(true);
  });

  it('an actor without an organisation owns no board', () => {
    const orphan = { ...editor, organisationId: null };
    expect(can(orphan, 'board.editContent', ownRestricted)).toBe(false);
    expect(can(orphan, 'board.create', { type: 'new-board', amiId: AMI, amiStatus: 'ateliers', organisationId: ORG_A })).toBe(false);
  });
});

describe('effectiveBoardRole', () => {
  // Columns: reader, commenter, editor, admin, owner (all agents of organisation A).
  const table: [string, BoardResource, string][] = [
    ['own org, restricted', ownRestricted, '         reader  commenter  editor     admin  owner'],
    ['other org, restricted', otherRestricted, '     reader  commenter  commenter  admin  owner'],
    ['other org, not restricted', otherProposal, ' reader  commenter  editor     admin  owner'],
  ];
  const roles: AmiRole[] = ['reader', 'commenter', 'editor', 'admin', 'owner'];
  for (const [state, target, row] of table) {
    const expected = row.trim().split(/\s+/);
    roles.forEach((role, column) => {
      it(`${role} on ${state} acts as ${expected[column]}`, () => {
        expect(effectiveBoardRole(member('usrxaaaaaaaaaaaa', role), target)).toBe(expected[column]);
      });
    });
  }
});

// ─── Document connections ────────────────────────────────────────────────────────────────────
// w = write, c = comment (read-only document, comments through the API), r = read, - = none.
// Comment documents: read by whoever reads what they are on, written by the server only.

const textRef: DocumentRef = { kind: 'ami-text', amiId: AMI };
const boardRef: DocumentRef = { kind: 'board', amiId: AMI, boardId: BOARD };

const ACCESS: readonly [string, string, DocumentRef, AmiResource | BoardResource][] = [
  // anon  none  read  comm  edit  admn  ownr  plat
  [' -     -     r     c     c     w     w     w', 'AMI text, brouillon', textRef, ami('brouillon')],
  [' -     -     r     c     c     w     w     w', 'AMI text, ateliers', textRef, ami('ateliers')],
  [' -     -     r     r     r     r     r     r', 'AMI text, clôturé', textRef, ami('cloture')],
  [' -     -     r     c     w     w     w     w', 'workshop board', boardRef, workshop],
  [' -     -     r     c     w     w     w     w', 'own org board, restricted', boardRef, ownRestricted],
  [' -     -     r     c     w     w     w     w', 'other org board, not restricted', boardRef, otherProposal],
  [' -     -     r     c     c     w     w     w', 'other org board, restricted', boardRef, otherRestricted],
  [' -     -     r     r     r     r     r     r', 'archived board', boardRef, workshopArchived],
  [' -     -     r     r     r     r     r     r', 'board of a closed AMI', boardRef, ownClosed],
  [' -     -     r     r     r     r     r     r', 'comments on the AMI text', commentsOf(textRef), ami('ateliers')],
  [' -     -     r     r     r     r     r     r', 'comments on a board', commentsOf(boardRef), workshop],
  [' -     -     -     -     -     -     -     -', 'comments on a board, AMI resource', commentsOf(boardRef), ami()],
  [' -     -     -     -     -     -     -     -', 'comments on another board', commentsOf({ kind: 'board', amiId: AMI, boardId: 'boardbbbbbbbbbbb' }), workshop],
  [' -     -     -     -     -     -     -     -', 'name of another board', { kind: 'board', amiId: AMI, boardId: 'boardbbbbbbbbbbb' }, workshop],
  [' -     -     -     -     -     -     -     -', 'name pairing the board with another AMI', { kind: 'board', amiId: OTHER_AMI, boardId: BOARD }, workshop],
  [' -     -     -     -     -     -     -     -', 'text name of another AMI', { kind: 'ami-text', amiId: OTHER_AMI }, ami()],
  [' -     -     -     -     -     -     -     -', 'text name with a board resource', textRef, workshop],
  [' -     -     -     -     -     -     -     -', 'board name with an AMI resource', boardRef, ami()],
];

const ACCESS_CODES: Readonly<Record<string, DocumentAccess>> = { '-': 'none', r: 'read', c: 'comment', w: 'write' };

describe('documentAccess', () => {
  it('has one cell per actor in every row', () => {
    for (const [cells, state] of ACCESS) expect(cells.trim().split(/\s+/), state).toHaveLength(ACTORS.length);
  });

  for (const [cells, state, ref, resource] of ACCESS) {
    describe(state, () => {
      const expected = cells.trim().split(/\s+/);
      ACTORS.forEach(([name, actor], column) => {
        const access = ACCESS_CODES[expected[column] ?? ''];
        it(`${name}: ${access}`, () => {
          expect(documentAccess(actor, ref, resource)).toBe(access);
        });
      });
    });
  }
});
