import { useDeferredValue, useId, useMemo, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useI18n, type Translate } from '../../i18n/index.ts';
import type { ShapeSource } from '../engine/board-document.ts';
import type { Editor } from '../engine/editor.ts';
import type { Selection } from '../engine/selection.ts';
import { buildOutline, type OutlineFrame, type OutlineItem, type OutlineNode } from './board-outline.ts';
import { openTextEditing } from './keyboard-commands.ts';
import { focusIndexAfter } from './list-navigation.ts';
import { describeShape, type NameLookup } from './shape-description.ts';
import { useBoardShapes } from './use-board-shapes.ts';
import './board-a11y.css';

export interface BoardListViewProps {
  readonly source: ShapeSource;
  readonly editor: Editor;
  /** The display name of a user id, for « ajouté par … ». */
  readonly names?: NameLookup;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
const ITEM_SELECTOR = '[data-outline-id]';

function countLabel(count: number, t: Translate): string {
  return count === 1 ? t('a11y.list.count.one') : t('a11y.list.count.other', { count });
}

interface Actions {
  readonly selection: Selection;
  readonly show: (id: string) => void;
}

function ItemButton({ item, actions }: { item: OutlineItem | OutlineFrame; actions: Actions }) {
  return (
    <button
      type="button"
      className="board-list__item"
      data-outline-id={item.id}
      data-editable={item.editable ? 'true' : undefined}
      aria-current={actions.selection.has(item.id) ? 'true' : undefined}
      onClick={() => actions.show(item.id)}
    >
      {item.description}
    </button>
  );
}

function FrameSection({ frame, level, actions }: { frame: OutlineFrame; level: number; actions: Actions }) {
  const { t } = useI18n();
  const headingId = useId();
  const Heading = HEADINGS[Math.min(level, HEADINGS.length) - 1] ?? 'h6';
  return (
    <section className="board-list__frame" aria-labelledby={headingId}>
      <Heading id={headingId} className="board-list__heading">
        <ItemButton item={frame} actions={actions} /> <span className="board-list__count">({countLabel(frame.count, t)})</span>
      </Heading>
      {frame.children.length === 0 ? <p className="board-list__empty">{t('a11y.list.emptyFrame')}</p> : <NodeList nodes={frame.children} level={level + 1} actions={actions} />}
    </section>
  );
}

function NodeList({ nodes, level, actions }: { nodes: readonly OutlineNode[]; level: number; actions: Actions }) {
  return (
    <ul className="board-list__items">
      {nodes.map((node) => (
        <li key={node.id}>{node.kind === 'frame' ? <FrameSection frame={node} level={level} actions={actions} /> : <ItemButton item={node} actions={actions} />}</li>
      ))}
    </ul>
  );
}

/**
 * « Vue en liste du tableau »: every frame as a headed section with its content, then what lies
 * in no frame, kept live. Choosing an entry selects the shape and zooms to it; Enter on an entry
 * with text opens it for editing. Tab or the arrow keys go from entry to entry.
 */
export function BoardListView({ source, editor, names }: BoardListViewProps) {
  const { t } = useI18n();
  const titleId = useId();
  const unframedId = useId();
  // Another's typing changes the board on every key: the list may lag a render behind the canvas.
  const shapes = useDeferredValue(useBoardShapes(source));
  const selection = useSyncExternalStore(editor.subscribe, () => editor.getState().selection);
  const outline = useMemo(() => {
    const lookup = (id: string) => source.get(id);
    return buildOutline(shapes, (shape) => describeShape(shape, lookup, t, names));
  }, [shapes, source, t, names]);

  const actions: Actions = {
    selection,
    show: (id) => {
      editor.select([id]);
      editor.zoomToSelection();
    },
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(ITEM_SELECTOR) : null;
    if (target === null) return;
    const id = target.dataset.outlineId;
    if (event.key === 'Enter' && target.dataset.editable === 'true' && id !== undefined) {
      // Instead of the click Enter would fire: this entry opens for typing.
      event.preventDefault();
      actions.show(id);
      openTextEditing(editor, id);
      return;
    }
    const entries = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
    const next = focusIndexAfter(event.key, entries.indexOf(target), entries.length);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    entries[next]?.focus();
  };

  return (
    <section className="board-list" aria-labelledby={titleId}>
      <h2 id={titleId} className="board-list__title">
        {t('a11y.list.title')} <span className="board-list__count">({countLabel(outline.count, t)})</span>
      </h2>
      <p className="board-list__help">{t('a11y.list.help')}</p>
      {outline.count === 0 ? (
        <p className="board-list__empty">{t('a11y.list.empty')}</p>
      ) : (
        <div onKeyDown={onKeyDown}>
          {outline.frames.map((frame) => (
            <FrameSection key={frame.id} frame={frame} level={3} actions={actions} />
          ))}
          {outline.unframed.length > 0 && (
            <section className="board-list__frame" aria-labelledby={unframedId}>
              <h3 id={unframedId} className="board-list__heading">
                {t('a11y.list.unframed')} <span className="board-list__count">({countLabel(outline.unframed.length, t)})</span>
              </h3>
              <NodeList nodes={outline.unframed} level={4} actions={actions} />
            </section>
          )}
        </div>
      )}
    </section>
  );
}
