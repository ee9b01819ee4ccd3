import { describe, expect, it } from 'vitest';
import { previewTransform } from './preview.ts';
import { makeShape } from './testing/shapes.ts';

describe('previewTransform', () => {
  const moving = makeShape('sticky', { id: 'm', x: 0, y: 0 });
  const still = makeShape('sticky', { id: 's', x: 500, y: 0 });

  it('offsets the dragged shapes only', () => {
    const show = previewTransform({ kind: 'move', ids: ['m'], dx: 10, dy: 20 });
    expect(show(moving)).toMatchObject({ x: 10, y: 20 });
    expect(show(still)).toBe(still);
  });

  it('applies live resize patches', () => {
    const show = previewTransform({ kind: 'resize', patches: [{ id: 'm', changes: { w: 300 } }] });
    expect(show(moving).w).toBe(300);
    expect(show(still)).toBe(still);
  });

  it('leaves document shapes alone for other previews and none', () => {
    expect(previewTransform({ kind: 'marquee', rect: { x: 0, y: 0, w: 1, h: 1 } })(moving)).toBe(moving);
    expect(previewTransform(null)(moving)).toBe(moving);
  });
});
