import { z } from 'zod';

/** The lifecycle of an AMI, in order. Ids are stored; labels are the French status badges. */
export const AMI_STATUSES = [
  'brouillon',
  'publie',
  'candidatures',
  'ateliers',
  'selection',
  'experimentation',
  'cloture',
] as const;

export type AmiStatus = (typeof AMI_STATUSES)[number];

export const amiStatusSchema = z.enum(AMI_STATUSES);

export const AMI_STATUS_LABELS: Readonly<Record<AmiStatus, string>> = {
  brouillon: 'Brouillon',
  publie: 'Publié',
  candidatures: 'Candidatures',
  ateliers: 'Ateliers',
  selection: 'Sélection / évaluation',
  experimentation: 'Expérimentation',
  cloture: 'Clôturé',
};

/**
 * Allowed status changes: each status moves forward to the next one, and two steps go back.
 *
 * - publié → brouillon: an AMI published with a mistake can be taken back to draft while nobody
 *   can apply yet. Once candidatures are open, collectivités may have started applying, so going
 *   back would tell them the call is not open while their work exists: no way back from there
 *   (a later deadline is a change of dates, not of status).
 * - clôturé → expérimentation: closing is the one status that changes what people may do (a
 *   closed AMI's boards and text become read-only, see `permissions.ts`), so a close made by
 *   mistake must be undoable, or the collectivités' boards would be frozen for good.
 * No other step goes back: workshops, scores and experiments are produced in order, and a
 * step back would present them under a phase they did not happen in. No step skips a phase: each
 * phase is announced to the participants, and skipping one silently would surprise them.
 */
const TRANSITIONS: Readonly<Record<AmiStatus, readonly AmiStatus[]>> = {
  brouillon: ['publie'],
  publie: ['candidatures', 'brouillon'],
  candidatures: ['ateliers'],
  ateliers: ['selection'],
  selection: ['experimentation'],
  experimentation: ['cloture'],
  cloture: ['experimentation'],
};

export function isAmiStatus(value: unknown): value is AmiStatus {
  return typeof value === 'string' && (AMI_STATUSES as readonly string[]).includes(value);
}

/** The statuses an AMI in `status` may move to, forward step first. */
export function allowedTransitions(status: AmiStatus): readonly AmiStatus[] {
  // Guarded so an unknown value from storage yields "nothing allowed" rather than a crash.
  return isAmiStatus(status) ? TRANSITIONS[status] : [];
}

/** Whether `from` → `to` is allowed. Staying in the same status is not a transition. */
export function canTransition(from: AmiStatus, to: AmiStatus): boolean {
  return allowedTransitions(from).includes(to);
}

/** The AMI is closed: its boards and text are read-only (see `permissions.ts`). */
export function isClosedStatus(status: AmiStatus): boolean {
  return status === 'cloture';
}
