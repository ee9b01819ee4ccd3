import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, frenchErrors } from './issue-text.ts';

const schema = z.object({ items: z.array(z.object({ size: z.number().max(10) })), name: z.string() });

function issuesOf(value: unknown) {
  const result = schema.safeParse(value, { error: frenchErrors });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues;
}

describe('describeIssues', () => {
  it('names each problem by its path, in French', () => {
    const text = describeIssues(issuesOf({ items: [{ size: 1 }, { size: 11 }], name: 3 }));
    expect(text).toBe('items[1].size : Trop grand : nombre doit être <=10 ; name : Entrée invalide : chaîne de caractères attendu, nombre reçu');
  });

  it('counts the problems it leaves out', () => {
    const issues = issuesOf({ items: [{ size: 11 }, { size: 12 }, { size: 13 }], name: 3 });
    expect(describeIssues(issues, 1)).toMatch(/^items\[0\]\.size : .* \(et 3 autres problèmes\)$/);
    expect(describeIssues(issues, 3)).toMatch(/\(et 1 autre problème\)$/);
  });

  it('gives the message alone for a problem at the root', () => {
    expect(describeIssues(issuesOf('texte'))).toBe('Entrée invalide : objet attendu, chaîne de caractères reçu');
  });
});
