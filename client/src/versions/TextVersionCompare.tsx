/**
 * The AMI text now against a version, block by block: words added since the version are
 * underlined on green, words removed struck through on red — and each block that changed says so
 * in words, and screen readers hear where an addition or a removal starts and ends.
 */
import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { compareText, type BlockComparison, type TextPart } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';
import { CompareLegend } from './CompareLegend.tsx';

function Part({ part }: { part: TextPart }) {
  const { t } = useI18n();
  if (part.change === 'same') return <>{part.text}</>;
  const Mark = part.change === 'added' ? 'ins' : 'del';
  return (
    <Mark className={`version-diff version-diff--${part.change}`}>
      <span className="visually-hidden">{t(part.change === 'added' ? 'versions.compare.addedStart' : 'versions.compare.removedStart')}</span>
      {part.text}
      <span className="visually-hidden">{t(part.change === 'added' ? 'versions.compare.addedEnd' : 'versions.compare.removedEnd')}</span>
    </Mark>
  );
}

function Block({ block }: { block: BlockComparison }) {
  const { t } = useI18n();
  return (
    <li className={`version-block version-block--${block.status} version-block--${block.kind}`}>
      <span className="version-block__tag">
        {t(`versions.block.${block.kind}`)}
        {block.status !== 'unchanged' && ` · ${t(`versions.compare.status.${block.status}`)}`}
      </span>
      <span className={block.kind === 'heading' ? `version-block__text version-block__text--h${block.level}` : 'version-block__text'}>
        {block.parts.map((part, index) => (
          <Part key={index} part={part} />
        ))}
      </span>
    </li>
  );
}

export function TextVersionCompare({ version, current }: { version: Y.Doc; current: Y.Doc }) {
  const { t } = useI18n();
  const blocks = useMemo(() => compareText(version, current), [version, current]);
  // A call for applications is long: the unchanged blocks give context, or can be left out.
  const [changesOnly, setChangesOnly] = useState(false);
  const count = (status: BlockComparison['status']) => blocks.filter((block) => block.status === status).length;
  if (blocks.every((block) => block.status === 'unchanged')) return <p>{t('versions.compare.identical')}</p>;
  return (
    <div className="version-compare" data-testid="version-compare">
      <CompareLegend />
      <p>{t('versions.compare.counts', { changed: count('changed'), added: count('added'), removed: count('removed') })}</p>
      <label className="version-compare__filter">
        <input type="checkbox" checked={changesOnly} onChange={(event) => setChangesOnly(event.target.checked)} /> {t('versions.compare.changesOnly')}
      </label>
      <ol className="version-compare__blocks">
        {blocks.map((block, index) => (changesOnly && block.status === 'unchanged' ? null : <Block key={index} block={block} />))}
      </ol>
    </div>
  );
}
