import { describe, expect, it } from 'vitest';
import { amiInputSchema, invitationCreateSchema, signupSchema } from '@eprouvette/shared';
import { parseWholeNumber, validate } from './validate.ts';

describe('validate', () => {
  it('returns the parsed data when the values are valid', () => {
    const result = validate(signupSchema, {
      name: '  Léa Martin ',
      email: 'Lea.Martin@Exemple.FR',
      organisation: { name: 'Commune de Saint-Omer', type: 'commune' },
      password: 'un mot de passe long',
    });
    expect(result).toEqual({
      ok: true,
      data: { name: 'Léa Martin', email: 'lea.martin@exemple.fr', organisation: { name: 'Commune de Saint-Omer', type: 'commune' }, password: 'un mot de passe long' },
    });
  });

  it('gives one French message per field, keyed like the server’s answer', () => {
    const result = validate(signupSchema, { name: '', email: 'pas-une-adresse', organisation: { name: '', type: 'commune' }, password: 'court' });
    expect(result).toEqual({
      ok: false,
      fields: {
        name: 'Le nom est obligatoire.',
        email: 'Adresse e-mail invalide.',
        'organisation.name': "Le nom de l'organisation est obligatoire.",
        password: 'Le mot de passe doit compter au moins 12 caractères.',
      },
    });
  });

  it('reports cross-field rules on the field they name', () => {
    const result = validate(amiInputSchema, {
      title: 'AMI test',
      domain: 'gestion-eau',
      dates: { opensOn: '2026-09-15', closesOn: '2026-09-01', endsOn: null },
      envelopeEuros: 600000,
      summary: '',
      tags: [],
    });
    expect(result).toEqual({ ok: false, fields: { 'dates.closesOn': 'La date limite de candidature doit suivre la date d’ouverture.' } });
  });

  it('keeps the first message of a field', () => {
    const result = validate(invitationCreateSchema, { role: 'editor', expiresInDays: 0, maxUses: 1000 });
    expect(result).toEqual({
      ok: false,
      fields: { expiresInDays: 'Un lien doit rester valable au moins un jour.', maxUses: 'Un lien ne peut pas servir plus de 500 fois.' },
    });
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers, with the spaces French people type in amounts', () => {
    expect(parseWholeNumber('600000')).toBe(600000);
    expect(parseWholeNumber('600 000')).toBe(600000);
    expect(parseWholeNumber('600\u202f000')).toBe(600000);
    expect(parseWholeNumber(' 14 ')).toBe(14);
    expect(parseWholeNumber('-3')).toBe(-3);
  });

  it('tells an empty field from one that is not a whole number', () => {
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber('   ')).toBeNull();
    expect(parseWholeNumber('1,5')).toBeUndefined();
    expect(parseWholeNumber('1.5')).toBeUndefined();
    expect(parseWholeNumber('dix')).toBeUndefined();
  });
});
