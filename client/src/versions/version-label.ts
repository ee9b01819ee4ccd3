/** How a version is named in the list and in the dialogs' titles. */
import type { VersionView } from '@eprouvette/shared';
import type { Translate } from '../i18n/index.ts';

/** A named version by its name; the others by what took them. */
export function versionTitle(version: Pick<VersionView, 'kind' | 'label'>, t: Translate): string {
  if (version.kind === 'named' && version.label !== null) return version.label;
  return version.kind === 'before-restore' ? t('versions.kind.beforeRestore') : t('versions.kind.auto');
}

/** « Claire Vasseur, Julien Lefebvre et Nadia Benali »; a deleted account reads as such. */
export function authorList(authors: VersionView['authors'], t: Translate): string {
  const names = authors.map((author) => author.name ?? t('versions.deletedAccount'));
  if (names.length <= 1) return names[0] ?? '';
  return t('versions.authorsAnd', { first: names.slice(0, -1).join(', '), last: names.at(-1)! });
}

/** The line under a version's title: who wrote (or named it), when nobody is not worth saying. */
export function versionByline(version: Pick<VersionView, 'kind' | 'authors'>, t: Translate): string | null {
  if (version.authors.length === 0) return null;
  const authors = authorList(version.authors, t);
  return version.kind === 'named' ? t('versions.namedBy', { authors }) : t('versions.writtenBy', { authors });
}
