import type { ReactNode } from 'react';
import './ami-text.css';

export interface AmiTextLayoutProps {
  readonly toolbar: ReactNode;
  readonly editor: ReactNode;
  /** The table of contents, beside the text. */
  readonly outline: ReactNode;
  readonly presence: ReactNode;
  /** Slot: the export menu (PDF, DOCX…), at the end of the toolbar row. */
  readonly exportMenu?: ReactNode;
  /** Slot: the comment threads on the text, in the side panel. */
  readonly comments?: ReactNode;
  /** Slot: the versions of the text, in the side panel below the comments. */
  readonly versions?: ReactNode;
}

/**
 * The AMI text page below its header: the toolbar row across (it stays in view while the text
 * scrolls), the outline on the left, the text in a readable column, and a side panel. Features
 * added later plug into the named slots rather than reshaping the page.
 */
export function AmiTextLayout({ toolbar, editor, outline, presence, exportMenu, comments, versions }: AmiTextLayoutProps) {
  return (
    <div className="text-workspace">
      <div className="text-workspace__bar">
        {toolbar}
        {exportMenu !== undefined && (
          <div className="text-workspace__slot" data-slot="export">
            {exportMenu}
          </div>
        )}
      </div>
      <div className="text-workspace__main">
        <div className="text-workspace__outline">{outline}</div>
        <div className="text-workspace__text">{editor}</div>
        <aside className="text-workspace__side">
          {presence}
          {comments !== undefined && (
            <div className="text-workspace__slot" data-slot="comments">
              {comments}
            </div>
          )}
          {versions !== undefined && (
            <div className="text-workspace__slot" data-slot="versions">
              {versions}
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
