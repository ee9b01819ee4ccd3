import type { Id, SearchHitView, SnippetPart } from '@eprouvette/shared';
import { useI18n, type Translate } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { hitPath } from './search-links.ts';

/** Text with the words searched for in `<mark>`. */
function Marked({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

const plain = (text: string): SnippetPart[] => [{ text, marked: false }];
const joined = (parts: readonly SnippetPart[]) => parts.map((part) => part.text).join('');
const isEmpty = (parts: readonly SnippetPart[]) => joined(parts).trim() === '';

/** What the result's link says, and where it is, in the reader's language. */
function heading(hit: SearchHitView, t: Translate): { title: SnippetPart[]; place: string | null } {
  switch (hit.kind) {
    case 'ami':
    case 'board':
      return { title: hit.title, place: null };
    case 'board-item':
      return { title: plain(hit.boardTitle ?? ''), place: isEmpty(hit.title) ? null : t('search.hit.inFrame', { title: joined(hit.title) }) };
    case 'text':
      return { title: isEmpty(hit.title) ? plain(t('search.hit.text')) : hit.title, place: null };
    case 'comment':
      return {
        title: plain(t('search.hit.comment', { name: joined(hit.title) })),
        place: hit.boardTitle === null ? t('search.hit.onText') : t('search.hit.onBoard', { title: hit.boardTitle }),
      };
  }
}

/** One result: what it is, a link to its place, and the passage where the words were found. */
export function SearchHit({ amiId, hit }: { amiId: Id; hit: SearchHitView }) {
  const { t } = useI18n();
  const { title, place } = heading(hit, t);
  return (
    <li className="search-hit" data-testid="search-hit" data-kind={hit.kind}>
      <p className="search-hit__kind">
        <span className={`search-hit__badge search-hit__badge--${hit.kind}`}>{t(`search.kind.${hit.kind}`)}</span>
        {place !== null && <span className="search-hit__place">{place}</span>}
      </p>
      <h3 className="search-hit__title">
        <Link href={hitPath(amiId, hit.target)}>
          <Marked parts={title} />
        </Link>
      </h3>
      {/* A heading found is its own passage: said once. */}
      {!isEmpty(hit.snippet) && joined(hit.snippet) !== joined(title) && (
        <p className="search-hit__snippet">
          <Marked parts={hit.snippet} />
        </p>
      )}
    </li>
  );
}
