import { describe, expect, it } from 'vitest';
import { boardReadOnlyReason } from './read-only-reason.ts';

const open = { status: 'ateliers', role: 'editor' } as const;

describe('boardReadOnlyReason', () => {
  it('names the role when the role alone does not allow writing', () => {
    expect(boardReadOnlyReason({ role: 'reader', archived: false }, { status: 'ateliers', role: 'reader' })).toBe('readOnly.reason.reader');
    expect(boardReadOnlyReason({ role: 'commenter', archived: false }, { status: 'ateliers', role: 'commenter' })).toBe('readOnly.reason.commenter');
  });

  it('names the restriction when an editor of another organisation is lowered to commenter', () => {
    expect(boardReadOnlyReason({ role: 'commenter', archived: false }, open)).toBe('readOnly.reason.restricted');
  });

  it('names a closed AMI, then an archived board', () => {
    expect(boardReadOnlyReason({ role: 'editor', archived: true }, { status: 'cloture', role: 'editor' })).toBe('readOnly.reason.amiClosed');
    expect(boardReadOnlyReason({ role: 'owner', archived: true }, { status: 'ateliers', role: 'owner' })).toBe('readOnly.reason.archived');
  });

  it('says access changed when nothing in the views explains it', () => {
    expect(boardReadOnlyReason({ role: 'editor', archived: false }, open)).toBe('readOnly.reason.changed');
  });
});
