import { describe, expect, it } from 'vitest';
import { t as translate, type Translate } from '../i18n/index.ts';
import { failureFromAnswer, networkFailure } from './errors.ts';

const t: Translate = (key, params) => translate(key, params, 'fr');

describe('failureFromAnswer', () => {
  it('keeps the server’s French message, code and field messages', () => {
    const body = {
      error: 'Certains champs sont invalides : corrigez-les puis réessayez.',
      code: 'invalid-request',
      fields: { 'organisation.name': "Le nom de l'organisation est obligatoire.", password: 'Le mot de passe doit compter au moins 12 caractères.' },
    };
    expect(failureFromAnswer(400, body, t)).toEqual({
      status: 400,
      code: 'invalid-request',
      message: body.error,
      fields: body.fields,
    });
  });

  it('falls back to a plain message for the status when the body is not ours', () => {
    expect(failureFromAnswer(502, '<html>Bad Gateway</html>', t).message).toBe(t('api.error.server'));
    expect(failureFromAnswer(404, null, t)).toEqual({ status: 404, code: null, message: t('api.error.notFound'), fields: {} });
    expect(failureFromAnswer(403, { error: '' }, t).message).toBe(t('api.error.forbidden'));
    expect(failureFromAnswer(429, {}, t).message).toBe(t('api.error.rateLimited'));
    expect(failureFromAnswer(418, [], t).message).toBe(t('api.error.other'));
  });

  it('never shows a stack trace or a field message that is not text', () => {
    const stack = 'TypeError: x is undefined\n    at handler (/srv/app.js:12:3)';
    const failure = failureFromAnswer(500, { error: stack, fields: { title: 42, summary: stack, name: 'Nom invalide.' } }, t);
    expect(failure.message).toBe(t('api.error.server'));
    expect(failure.fields).toEqual({ name: 'Nom invalide.' });
    expect(failureFromAnswer(500, { error: 'x'.repeat(2000) }, t).message).toBe(t('api.error.server'));
  });
});

describe('networkFailure', () => {
  it('says the server does not answer, in French by default', () => {
    expect(networkFailure(t)).toEqual({ status: null, code: null, message: t('api.error.network'), fields: {} });
    expect(t('api.error.network')).toMatch(/^Le serveur ne répond pas/);
  });
});
