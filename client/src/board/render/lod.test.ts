import { describe, expect, it } from 'vitest';
import { levelOfDetail } from './lod.ts';

describe('levelOfDetail', () => {
  it('draws everything from a third of the real size up', () => {
    expect(levelOfDetail(8)).toBe('full');
    expect(levelOfDetail(1)).toBe('full');
    expect(levelOfDetail(0.35)).toBe('full');
  });

  it('drops text below that, then outlines below a tenth', () => {
    expect(levelOfDetail(0.34)).toBe('simple');
    expect(levelOfDetail(0.1)).toBe('simple');
    expect(levelOfDetail(0.099)).toBe('minimal');
    expect(levelOfDetail(0.02)).toBe('minimal');
  });
});
