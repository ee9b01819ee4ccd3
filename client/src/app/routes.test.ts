import { describe, expect, it } from 'vitest';
import { documentPath, parseRoute } from './routes.ts';

describe('parseRoute', () => {
  it('recognises the home page', () => {
    expect(parseRoute('/')).toEqual({ kind: 'home' });
    expect(parseRoute('/index.html')).toEqual({ kind: 'home' });
  });

  it('recognises documents and round-trips their path', () => {
    expect(parseRoute('/d/atelier-lille')).toEqual({ kind: 'document', name: 'atelier-lille' });
    expect(parseRoute('/d/atelier-lille/')).toEqual({ kind: 'document', name: 'atelier-lille' });
    for (const name of ['a', 'AMI_2025.v2', 'projet:phase-1']) {
      expect(parseRoute(documentPath(name))).toEqual({ kind: 'document', name });
    }
  });

  it('rejects invalid document names and unknown pages', () => {
    expect(parseRoute('/d/%C3%A9t%C3%A9')).toEqual({ kind: 'invalid-document', raw: 'été' });
    expect(parseRoute('/d/-tiret')).toEqual({ kind: 'invalid-document', raw: '-tiret' });
    expect(parseRoute('/d/%E0%A4%A')).toEqual({ kind: 'invalid-document', raw: '%E0%A4%A' });
    expect(parseRoute('/d/a/b')).toEqual({ kind: 'not-found' });
    expect(parseRoute('/admin')).toEqual({ kind: 'not-found' });
  });
});
