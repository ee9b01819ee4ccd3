import { useId, type ReactNode } from 'react';

interface Props {
  caption: string;
  /** For a table whose heading already says what it is. */
  hiddenCaption?: boolean;
  className?: string;
  testId?: string;
  /** `thead` and `tbody`. */
  children: ReactNode;
}

/**
 * A table of the evaluation in a region that scrolls sideways when it is wider than the page; the
 * region takes focus so that the keyboard can scroll it, and is named by the caption.
 */
export function EvaluationTable({ caption, hiddenCaption = false, className, testId, children }: Props) {
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={className === undefined ? 'evaluation-table' : `evaluation-table ${className}`} data-testid={testId}>
        <caption id={id} className={hiddenCaption ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
