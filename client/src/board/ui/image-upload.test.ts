import { describe, expect, it } from 'vitest';
import { shapeSchema } from '@eprouvette/shared';
import { altFromFileName, fitImageSize, imageShape } from './image-upload.ts';

describe('fitImageSize', () => {
  it('keeps small pictures at their size', () => {
    expect(fitImageSize(300, 200)).toEqual({ w: 300, h: 200 });
  });

  it('scales large ones down to the longest side, keeping their aspect', () => {
    expect(fitImageSize(1920, 1080)).toEqual({ w: 480, h: 270 });
    expect(fitImageSize(600, 1200, 300)).toEqual({ w: 150, h: 300 });
  });

  it('gives a square to a picture of unknown size', () => {
    expect(fitImageSize(0, 0)).toEqual({ w: 480, h: 480 });
  });
});

describe('imageShape', () => {
  it('is a valid image shape', () => {
    const shape = imageShape('a'.repeat(64), { w: 480, h: 270 }, 'Plan du réseau', 'user1');
    expect(shapeSchema.safeParse(shape).success).toBe(true);
  });

  it('describes a picture by its file name at first', () => {
    expect(altFromFileName('plan_reseau-secteur-nord.png')).toBe('plan reseau secteur nord');
  });
});
