import { describe, expect, it } from 'vitest';
import type { AmiRole } from './roles.ts';
import { AMI_ROLE_LABELS, AMI_ROLES, amiRoleSchema, roleAtLeast } from './roles.ts';

describe('roles', () => {
  it('are ordered reader < commenter < editor < admin < owner', () => {
    expect(AMI_ROLES).toEqual(['reader', 'commenter', 'editor', 'admin', 'owner']);
  });

  it('have French labels', () => {
    expect(AMI_ROLE_LABELS).toEqual({
      reader: 'lecteur',
      commenter: 'commentateur',
      editor: 'éditeur',
      admin: 'administrateur',
      owner: 'propriétaire',
    });
  });

  it('parse with the schema', () => {
    expect(amiRoleSchema.parse('editor')).toBe('editor');
    expect(amiRoleSchema.safeParse('viewer').success).toBe(false);
    expect(amiRoleSchema.safeParse('Owner').success).toBe(false);
  });
});

describe('roleAtLeast', () => {
  // Rows: the role held. Columns: the minimum asked.
  //                          read  comm  edit  admn  ownr
  const table: [AmiRole | null, string][] = [
    [null, '                  -     -     -     -     -'],
    ['reader', '              Y     -     -     -     -'],
    ['commenter', '           Y     Y     -     -     -'],
    ['editor', '              Y     Y     Y     -     -'],
    ['admin', '               Y     Y     Y     Y     -'],
    ['owner', '               Y     Y     Y     Y     Y'],
  ];
  for (const [role, row] of table) {
    const cells = row.trim().split(/\s+/);
    AMI_ROLES.forEach((min, index) => {
      const expected = cells[index] === 'Y';
      it(`${role ?? 'no role'} ≥ ${min} is ${expected}`, () => {
        expect(roleAtLeast(role, min)).toBe(expected);
      });
    });
  }

  it('fails closed on values that are not roles', () => {
    expect(roleAtLeast('superuser' as AmiRole, 'reader')).toBe(false);
    expect(roleAtLeast('owner', 'nobody' as AmiRole)).toBe(false);
    expect(roleAtLeast(undefined as unknown as AmiRole, 'reader')).toBe(false);
  });
});
