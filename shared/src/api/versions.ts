import { z } from 'zod';
import type { Id } from '../model/ids.ts';

/**
 * Versions of a document (the AMI text or a board): full states kept by the server, taken
 * automatically, named by an editor, or recorded just before a restore.
 */
export const VERSION_KINDS = ['auto', 'named', 'before-restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VERSION_LABEL_MAX_LENGTH = 120;

/** « Nommer cette version »: the name, e.g. « envoyée au comité de sélection ». */
export const versionCreateSchema = z.object({
  label: z
    .string({ error: 'Le nom de la version est obligatoire.' })
    .trim()
    .min(1, 'Donnez un nom à cette version.')
    .max(VERSION_LABEL_MAX_LENGTH, `Le nom d’une version ne peut pas dépasser ${VERSION_LABEL_MAX_LENGTH} caractères.`),
});

export type VersionCreateInput = z.infer<typeof versionCreateSchema>;

export interface VersionAuthorView {
  id: Id;
  /** Null when the account has been deleted since. */
  name: string | null;
}

export interface VersionView {
  id: Id;
  kind: VersionKind;
  /** The name of a named version; null otherwise. */
  label: string | null;
  /** Who wrote since the previous version (automatic, before a restore), or who named it. */
  authors: VersionAuthorView[];
  createdAt: string;
  /** Size of the stored state. */
  bytes: number;
}

/** The list, newest first, and whether the viewer may name and restore versions. */
export interface VersionListView {
  versions: VersionView[];
  canEdit: boolean;
}

export interface VersionRestoreView {
  /** The version recorded with the content as it was just before the restore. */
  before: VersionView;
}
