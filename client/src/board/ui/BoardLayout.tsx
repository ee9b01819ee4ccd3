import type { ReactNode } from 'react';

export interface BoardLayoutProps {
  readonly toolbar: ReactNode;
  readonly canvas: ReactNode;
  /** Controls floating over the canvas (zoom). */
  readonly canvasControls?: ReactNode;
  readonly presence: ReactNode;
  /** Slot: the export menu (PNG, SVG, PDF, JSON), at the end of the toolbar row. */
  readonly exportMenu?: ReactNode;
  /** Slot: the list view of the board (frames and their items), in the side panel. */
  readonly listView?: ReactNode;
  /** Slot: workshop tools (timer, dot voting, templates), in the side panel above the list. */
  readonly workshop?: ReactNode;
  /** Slot: the board's versions, in the side panel between the workshop tools and the list. */
  readonly versions?: ReactNode;
  /** Slot: the comment threads pinned on the board, in the side panel right under who is here. */
  readonly comments?: ReactNode;
}

/**
 * The board page below its header: the toolbar row across, the canvas taking the rest, and a
 * side panel. Features added later plug into the named slots rather than reshaping the page.
 */
export function BoardLayout({ toolbar, canvas, canvasControls, presence, exportMenu, listView, workshop, versions, comments }: BoardLayoutProps) {
  return (
    <div className="board-workspace">
      <div className="board-workspace__bar">
        {toolbar}
        {exportMenu !== undefined && (
          <div className="board-workspace__slot" data-slot="export">
            {exportMenu}
          </div>
        )}
      </div>
      <div className="board-workspace__main">
        <div className="board-workspace__canvas">
          {canvas}
          {canvasControls}
        </div>
        <aside className="board-workspace__side">
          {presence}
          {comments !== undefined && (
            <div className="board-workspace__slot" data-slot="comments">
              {comments}
            </div>
          )}
          {workshop !== undefined && (
            <div className="board-workspace__slot" data-slot="workshop">
              {workshop}
            </div>
          )}
          {versions !== undefined && (
            <div className="board-workspace__slot" data-slot="versions">
              {versions}
            </div>
          )}
          {listView !== undefined && (
            <div className="board-workspace__slot" data-slot="list-view">
              {listView}
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
