/** The toolbar's pictograms: 20-unit line drawings in the text colour, hidden from assistive technology (buttons carry names). */
const PATHS = {
  select: 'M5 3l10 6.5-4.5 1L13 15l-2 1-2.2-4.6L5 14z',
  hand: 'M7 10V5a1 1 0 012 0v4M9 9V4a1 1 0 012 0v5M11 9V5a1 1 0 012 0v5M13 10V7a1 1 0 012 0v5c0 3-2 5-5 5s-4-1.5-5.5-4L3 11a1 1 0 011.6-1.2L7 12',
  sticky: 'M4 4h12v8l-4 4H4zM12 16v-4h4',
  text: 'M5 5h10M10 5v11M8 16h4',
  rect: 'M3 5h14v10H3z',
  ellipse: 'M10 5c3.9 0 7 2.2 7 5s-3.1 5-7 5-7-2.2-7-5 3.1-5 7-5z',
  diamond: 'M10 3l7 7-7 7-7-7z',
  arrow: 'M4 16L16 4M9 4h7v7',
  pen: 'M13.5 3.5l3 3L7 16H4v-3z',
  frame: 'M6 3v14M14 3v14M3 6h14M3 14h14',
  comment: 'M4 4h12a1 1 0 011 1v8a1 1 0 01-1 1H9l-4 3v-3H4a1 1 0 01-1-1V5a1 1 0 011-1zM7 8h6M7 11h4',
  undo: 'M8 5L4 9l4 4M4 9h8a4 4 0 010 8h-2',
  redo: 'M12 5l4 4-4 4M16 9H8a4 4 0 000 8h2',
  zoomOut: 'M5 10h10',
  zoomIn: 'M5 10h10M10 5v10',
  zoomToFit: 'M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4',
  zoomToSelection: 'M8.5 3a5.5 5.5 0 110 11 5.5 5.5 0 010-11zM12.5 12.5L17 17',
  alignLeft: 'M3 3v14M6 6h10M6 10h6M6 14h9',
  alignCentre: 'M10 3v14M5 6h10M7 10h6M5.5 14h9',
  alignRight: 'M17 3v14M4 6h10M8 10h6M5 14h9',
  alignTop: 'M3 3h14M6 6v10M10 6v6M14 6v9',
  alignMiddle: 'M3 10h14M6 5v10M10 7v6M14 5.5v9',
  alignBottom: 'M3 17h14M6 4v10M10 8v6M14 5v9',
  distributeHorizontal: 'M3 3v14M17 3v14M8 6h4v8H8z',
  distributeVertical: 'M3 3h14M3 17h14M6 8h8v4H6z',
  forward: 'M10 16V5M6 9l4-4 4 4',
  backward: 'M10 4v11M6 11l4 4 4-4',
  front: 'M10 17V7M6 11l4-4 4 4M5 3h10',
  back: 'M10 3v10M6 9l4 4 4-4M5 17h10',
  lock: 'M6 9V7a4 4 0 018 0v2M5 9h10v8H5z',
  remove: 'M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="board-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
