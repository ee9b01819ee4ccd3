import { describe, expect, it } from 'vitest';
import { amiInputSchema, isoDateSchema } from './amis.ts';
import { loginSchema, signupSchema } from './accounts.ts';
import { boardPatchSchema } from './boards.ts';
import { invitationCreateSchema, invitationTokenSchema } from './members.ts';

const validSignup = {
  name: 'Nadia Benali',
  email: '  Nadia.Benali@Syndicat-Eaux.fr ',
  organisation: { name: 'Syndicat mixte des eaux', type: 'syndicat-mixte' },
  password: 'douze-caract',
};

const validAmi = {
  title: 'Gestion de l’eau 2026',
  domain: 'gestion-eau',
  dates: { opensOn: '2026-09-15', closesOn: '2026-12-18', endsOn: null },
  envelopeEuros: 600000,
  summary: '',
  tags: ['capteurs-iot', 'capteurs-iot'],
};

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('account schemas', () => {
  it('normalise the email (trimmed, lower case)', () => {
    expect(signupSchema.parse(validSignup).email).toBe('nadia.benali@syndicat-eaux.fr');
    expect(loginSchema.parse({ email: 'ELU@Demo.fr', password: 'x' }).email).toBe('elu@demo.fr');
  });

  it('ask for at least 12 characters of password, in French', () => {
    const result = signupSchema.safeParse({ ...validSignup, password: 'onze-caract' });
    expect(result.success).toBe(false);
    expect(firstMessage(result)).toBe('Le mot de passe doit compter au moins 12 caractères.');
    expect(signupSchema.safeParse({ ...validSignup, password: 'x'.repeat(257) }).success).toBe(false);
  });

  it('refuse an unknown organisation type and a malformed email', () => {
    expect(signupSchema.safeParse({ ...validSignup, organisation: { name: 'X', type: 'ministere' } }).success).toBe(false);
    expect(firstMessage(signupSchema.safeParse({ ...validSignup, email: 'pas-une-adresse' }))).toBe('Adresse e-mail invalide.');
  });
});

describe('AMI schemas', () => {
  it('accept a complete AMI and drop duplicate tags', () => {
    expect(amiInputSchema.parse(validAmi).tags).toEqual(['capteurs-iot']);
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['01/02/2026', false],
  ])('date %s valid: %s', (date, valid) => {
    expect(isoDateSchema.safeParse(date).success).toBe(valid);
  });

  it('keep dates in order', () => {
    const result = amiInputSchema.safeParse({ ...validAmi, dates: { opensOn: '2026-12-01', closesOn: '2026-11-01', endsOn: null } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['dates', 'closesOn']);
  });

  it('keep the envelope a whole, plausible number of euros', () => {
    expect(amiInputSchema.safeParse({ ...validAmi, envelopeEuros: -1 }).success).toBe(false);
    expect(amiInputSchema.safeParse({ ...validAmi, envelopeEuros: 10.5 }).success).toBe(false);
    expect(amiInputSchema.safeParse({ ...validAmi, envelopeEuros: 100_000_001 }).success).toBe(false);
    expect(amiInputSchema.safeParse({ ...validAmi, envelopeEuros: null }).success).toBe(true);
  });
});

describe('board and invitation schemas', () => {
  it('refuse an empty board change', () => {
    expect(boardPatchSchema.safeParse({}).success).toBe(false);
    expect(boardPatchSchema.parse({ archived: true })).toEqual({ archived: true });
  });

  it('never create an owner link, and bound expiry and uses', () => {
    expect(invitationCreateSchema.safeParse({ role: 'owner', expiresInDays: 7, maxUses: 1 }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ role: 'editor', expiresInDays: 0, maxUses: 1 }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ role: 'editor', expiresInDays: 91, maxUses: 1 }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ role: 'editor', expiresInDays: 7, maxUses: 501 }).success).toBe(false);
    expect(invitationCreateSchema.safeParse({ role: 'commenter', expiresInDays: 7, maxUses: 20 }).success).toBe(true);
  });

  it('accept only token-shaped invitation secrets', () => {
    expect(invitationTokenSchema.safeParse('a'.repeat(32)).success).toBe(true);
    expect(invitationTokenSchema.safeParse('../../etc/passwd').success).toBe(false);
  });
});
