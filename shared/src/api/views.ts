import type { AmiStatus } from '../model/ami-status.ts';
import type { BoardKind } from '../model/boards.ts';
import type { TechnologyTag } from '../model/domains.ts';
import type { Id } from '../model/ids.ts';
import type { OrganisationType } from '../model/organisations.ts';
import type { AmiRole } from '../model/roles.ts';
import type { Action } from '../permissions.ts';

/**
 * What the REST API answers: JSON views of the stored records, plus — on everything a user can act
 * on — the list of actions `decide` allows them, so the client shows exactly the buttons the
 * server will accept (the server still decides each request again).
 */
export interface OrganisationView {
  id: Id;
  name: string;
  type: OrganisationType;
}

export interface MeView {
  id: Id;
  name: string;
  email: string;
  platformAdmin: boolean;
  organisation: OrganisationView | null;
  createdAt: string;
}

export interface DomainView {
  slug: string;
  name: string;
}

export interface AmiDates {
  opensOn: string | null;
  closesOn: string | null;
  endsOn: string | null;
}

export interface AmiSummaryView {
  id: Id;
  title: string;
  domain: DomainView;
  status: AmiStatus;
  dates: AmiDates;
  envelopeEuros: number | null;
  summary: string;
  tags: TechnologyTag[];
  /** The viewer's role (owner for platform admins). */
  role: AmiRole;
  boardCount: number;
  updatedAt: string;
}

export interface BoardView {
  id: Id;
  amiId: Id;
  title: string;
  kind: BoardKind;
  organisation: OrganisationView;
  restricted: boolean;
  archived: boolean;
  /** The Yjs document name (`ami-<id>.board-<id>`). */
  documentName: string;
  /** The viewer's role on this board (a restricted board lowers other organisations' editors). */
  role: AmiRole;
  allowed: Action[];
  updatedAt: string;
}

export interface AmiDetailView extends AmiSummaryView {
  textDocumentName: string;
  allowed: Action[];
  /** Statuses this AMI may move to next (whether the viewer may is in `allowed`). */
  nextStatuses: AmiStatus[];
  boards: BoardView[];
  createdAt: string;
}

export interface MemberView {
  userId: Id;
  name: string;
  email: string;
  organisation: OrganisationView | null;
  role: AmiRole;
  /** Joined through an invitation link still attached to the membership. */
  viaInvitation: boolean;
  joinedAt: string;
}

export interface InvitationView {
  id: Id;
  role: AmiRole;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
  createdBy: string;
  createdAt: string;
}

/** Answer to creating a link: the only time its secret URL is shown (only its hash is stored). */
export interface CreatedInvitationView extends InvitationView {
  url: string;
}

/** What the invitation landing page shows before the invitee accepts. */
export interface InvitationPreviewView {
  amiId: Id;
  amiTitle: string;
  domain: DomainView;
  role: AmiRole;
  expiresAt: string;
  /** False when expired, revoked or used up; `reason` then says which, in French. */
  usable: boolean;
  reason: string | null;
}

/** The error body of every refused request. */
export interface ApiError {
  error: string;
  /** Refusal code of `decide`, or a validation / rate-limit code. */
  code?: string;
  /** Field → French message, for forms. */
  fields?: Record<string, string>;
}
