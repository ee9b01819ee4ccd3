/**
 * The evaluation against the real server: who reads the grid, who scores, who sees whose scores
 * before and after the results are published, and what is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmiDetailView, ApiError, CriterionScoreView, EvaluationInput, EvaluationView, MyEvaluationView, ResultsView, ReviewsView } from '@eprouvette/shared';
import { DEFAULT_CRITERIA, NOT_APPLICABLE } from '@eprouvette/shared';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';
import { sessionWith, startTestServer, type ApiSession, type DemoIds, type TestServer } from '../testing/test-server.ts';

let ts: TestServer;
let demo: DemoIds;
let owner: ApiSession;
let admin: ApiSession;
let editor: ApiSession;
let expert: ApiSession;
let secondExpert: ApiSession;
let reader: ApiSession;
let outsider: ApiSession;
let criteria: EvaluationView['criteria'];

const account = (role: string, organisationType?: string) =>
  DEMO_ACCOUNTS.find((candidate) => candidate.role === role && (organisationType === undefined || candidate.organisation.type === organisationType))!;
const base = (amiId = demo.amiId) => `/api/amis/${amiId}/evaluation`;
const proposal = (title: string) => demo.boards.find((board) => board.title.startsWith(title))!.id;
let LEAKS: string;
let TELERELEVE: string;
let SONDES: string;
let WORKSHOP: string;

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

async function signup(name: string, email: string): Promise<ApiSession> {
  const response = await fetch(`${ts.httpUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ts.httpUrl },
    body: JSON.stringify({ name, email, organisation: { name: 'Bureau d’études Hydro', type: 'expert' }, password: 'un mot de passe solide' }),
  });
  expect(response.status).toBe(201);
  return sessionWith(ts.httpUrl, response.headers.get('set-cookie')!.split(';')[0]!);
}

async function invite(session: ApiSession, amiId: string, role: string): Promise<void> {
  const link = await json<{ url: string }>(await owner.api(`/api/amis/${amiId}/invitations`, { body: { role, expiresInDays: 7, maxUses: 1 } }), 201);
  await json(await session.api(`/api/invitations/${link.url.split('/invitation/')[1]}/accept`, { method: 'POST' }), 200);
}

/** Every criterion of the grid scored `value` (or as `values` says, in order). */
function complete(values: readonly (number | typeof NOT_APPLICABLE)[], recommendation: EvaluationInput['recommendation'] = 'priorite'): EvaluationInput {
  return {
    submit: true,
    recommendation,
    comment: 'Avis argumenté de l’experte.',
    scores: criteria.map((criterion, index) => ({ criterionId: criterion.id, value: (values[index] ?? values.at(-1)!) as CriterionScoreView['value'], comment: `Commentaire ${index + 1}` })),
  };
}

const score = (session: ApiSession, boardId: string, body: unknown, amiId = demo.amiId) => session.api(`${base(amiId)}/boards/${boardId}`, { method: 'PUT', body });

beforeAll(async () => {
  ts = await startTestServer();
  demo = await ts.demo();
  [owner, admin, editor, expert, reader] = await Promise.all([
    ts.login(account('owner').email),
    ts.login(account('admin').email),
    ts.login(account('editor', 'syndicat-mixte').email),
    ts.login(account('commenter').email),
    ts.login(account('reader').email),
  ]);
  secondExpert = await signup('Marc Petit', 'marc.petit@hydro.example');
  await invite(secondExpert, demo.amiId, 'commenter');
  outsider = await signup('Paul Extérieur', 'paul.exterieur@essai.example');
  LEAKS = proposal('Capteurs acoustiques');
  TELERELEVE = proposal('Télérelève');
  SONDES = proposal('Sondes');
  WORKSHOP = demo.boards.find((board) => board.kind === 'atelier')!.id;
});

afterAll(async () => {
  await ts?.dispose();
});

describe('the grid', () => {
  it('starts as PRODUCT.md’s seven criteria, weight 1 each, read by every member', async () => {
    const view = await json<EvaluationView>(await reader.api(base()), 200);
    criteria = view.criteria;
    expect(view.criteria.map(({ label, description, weight }) => ({ label, description, weight }))).toEqual(DEFAULT_CRITERIA);
    expect(view.publication).toBeNull();
    expect(view.allowed).toEqual(['evaluation.viewGrid']);
    expect(view.proposals.map((row) => row.title).sort()).toEqual(demo.boards.filter((board) => board.kind === 'proposition').map((board) => board.title).sort());
    expect(view.proposals.every((row) => row.mine === null && !row.canScore)).toBe(true);
    // A second read finds the same grid: it was made once.
    expect((await json<EvaluationView>(await editor.api(base()), 200)).criteria.map((criterion) => criterion.id)).toEqual(criteria.map((criterion) => criterion.id));
  });

  it('tells each role what it may do', async () => {
    const allowed = async (session: ApiSession) => (await json<EvaluationView>(await session.api(base()), 200)).allowed.sort();
    expect(await allowed(editor)).toEqual(['evaluation.viewGrid']);
    expect(await allowed(expert)).toEqual(['evaluation.score', 'evaluation.viewGrid']);
    const all = ['evaluation.editGrid', 'evaluation.publish', 'evaluation.score', 'evaluation.viewAllScores', 'evaluation.viewGrid', 'evaluation.viewResults'];
    expect(await allowed(admin)).toEqual(all);
    expect(await allowed(owner)).toEqual(all);
  });

  it('is hidden from non-members (404) and the signed-out (401)', async () => {
    expect(await json<ApiError>(await outsider.api(base()), 404)).toEqual({ error: 'Ressource introuvable.', code: 'not-found' });
    expect((await fetch(`${ts.httpUrl}${base()}`)).status).toBe(401);
    expect((await outsider.api(`${base()}/results`)).status).toBe(404);
  });
});

describe('scoring', () => {
  it('saves a draft that only its expert reads back', async () => {
    const draft: EvaluationInput = { submit: false, recommendation: null, comment: '', scores: [{ criterionId: criteria[0]!.id, value: 4, comment: 'Le réseau est bien connu.' }, { criterionId: criteria[1]!.id, value: null, comment: '' }] };
    const saved = await json<MyEvaluationView>(await score(expert, LEAKS, draft), 200);
    expect(saved).toMatchObject({ status: 'draft', canScore: true, refusal: null, scores: [{ criterionId: criteria[0]!.id, value: 4, comment: 'Le réseau est bien connu.' }] });
    expect((await json<MyEvaluationView>(await expert.api(`${base()}/boards/${LEAKS}`), 200)).scores).toEqual(saved.scores);

    // Another expert, the admins' page aside, finds nothing of it: their own evaluation is empty…
    const theirs = await json<MyEvaluationView>(await secondExpert.api(`${base()}/boards/${LEAKS}`), 200);
    expect(theirs).toMatchObject({ status: null, scores: [], comment: '', canScore: true });
    // …the ranking and every expert's scores are refused to them.
    expect(await json<ApiError>(await secondExpert.api(`${base()}/results`), 403)).toEqual({ error: "Les résultats de l'évaluation ne sont pas encore publiés.", code: 'results-unpublished' });
    expect((await json<ApiError>(await secondExpert.api(`${base()}/reviews`), 403)).code).toBe('role-too-low');
    expect((await json<EvaluationView>(await expert.api(base()), 200)).proposals.find((row) => row.boardId === LEAKS)?.mine).toBe('draft');
    expect((await json<EvaluationView>(await secondExpert.api(base()), 200)).proposals.find((row) => row.boardId === LEAKS)?.mine).toBeNull();

    // The expert's own data export (RGPD) holds the draft, and the other expert's does not.
    const exported = await json<{ evaluations: { boardId: string; status: string; scores: { criterion: string; score: number | null; comment: string }[] }[] }>(await expert.api('/api/me/export'), 200);
    expect(exported.evaluations).toEqual([
      expect.objectContaining({ boardId: LEAKS, status: 'draft', scores: expect.arrayContaining([{ criterion: criteria[0]!.label, score: 4, notApplicable: false, comment: 'Le réseau est bien connu.' }]) }),
    ]);
    expect((await json<{ evaluations: unknown[] }>(await secondExpert.api('/api/me/export'), 200)).evaluations).toEqual([]);
  });

  it('hands in only a complete evaluation, naming what is missing', async () => {
    const incomplete = { ...complete([3]), recommendation: null, scores: complete([3]).scores.slice(1) };
    const refused = await json<ApiError>(await score(expert, LEAKS, incomplete), 400);
    expect(refused.fields).toEqual({
      [`criteria.${criteria[0]!.id}`]: 'Notez ce critère de 0 à 5, ou cochez « non concerné ».',
      recommendation: 'Choisissez votre recommandation.',
    });
    expect((await json<MyEvaluationView>(await expert.api(`${base()}/boards/${LEAKS}`), 200)).status).toBe('draft');
  });

  it('refuses scores off the scale, unknown criteria, and boards that are not proposals', async () => {
    const offScale = { ...complete([3]), scores: [{ criterionId: criteria[0]!.id, value: 6, comment: '' }] };
    expect((await json<ApiError>(await score(expert, LEAKS, offScale), 400)).fields).toEqual({ 'scores.0.value': 'Choisissez une note de 0 à 5, ou « non concerné ».' });
    const decimal = { ...complete([3]), scores: [{ criterionId: criteria[0]!.id, value: 2.5, comment: '' }] };
    expect((await score(expert, LEAKS, decimal)).status).toBe(400);
    const unknown = { submit: false, recommendation: null, comment: '', scores: [{ criterionId: 'zzzzzzzzzzzzzzzz', value: 3, comment: '' }] };
    expect((await json<ApiError>(await score(expert, LEAKS, unknown), 400)).fields).toEqual({ 'scores.0.criterionId': 'Ce critère n’est plus dans la grille : rechargez la page.' });
    expect((await json<ApiError>(await score(expert, LEAKS, { ...complete([3]), recommendation: 'peut-etre' }), 400)).fields).toHaveProperty('recommendation');
    expect(await json<ApiError>(await score(expert, WORKSHOP, complete([3])), 409)).toEqual({ error: "Seuls les tableaux de proposition d'expérimentation sont évalués.", code: 'not-proposal' });
    expect((await json<ApiError>(await expert.api(`${base()}/boards/${WORKSHOP}`), 409)).code).toBe('not-proposal');
    expect((await score(expert, 'zzzzzzzzzzzzzzzz', complete([3]))).status).toBe(404);
  });

  it('refuses editors (the candidates) and readers', async () => {
    expect(await json<ApiError>(await score(editor, SONDES, complete([5])), 403)).toEqual({
      error: 'Votre rôle sur cet AMI (éditeur) ne permet pas de noter cette proposition.',
      code: 'role-too-low',
    });
    expect((await score(reader, SONDES, complete([5]))).status).toBe(403);
    const own = await json<MyEvaluationView>(await editor.api(`${base()}/boards/${SONDES}`), 200);
    expect(own).toMatchObject({ canScore: false, status: null, refusal: 'Votre rôle sur cet AMI (éditeur) ne permet pas de noter cette proposition.' });
  });

  it('ranks the handed-in evaluations for the admins, with means, spread and recommendations', async () => {
    // Sophie: 4 on every criterion but « non concerné » on the second → 4. Marc: 2 everywhere → 2.
    await json(await score(expert, LEAKS, complete([4, NOT_APPLICABLE, 4], 'priorite')), 200);
    await json(await score(secondExpert, LEAKS, complete([2], 'si-possible')), 200);
    await json(await score(expert, TELERELEVE, complete([5], 'priorite')), 200);
    // A draft does not count.
    await json(await score(secondExpert, TELERELEVE, { submit: false, recommendation: 'non-retenu', comment: '', scores: [{ criterionId: criteria[0]!.id, value: 0, comment: '' }] }), 200);

    const results = await json<ResultsView>(await admin.api(`${base()}/results`), 200);
    expect(results.experts).toBe(2);
    expect(results.ranking.map((row) => [row.title.split(' ')[0], row.rank, row.experts, row.mean])).toEqual([
      ['Télérelève', 1, 1, 5],
      ['Capteurs', 2, 2, 3],
      [expect.any(String), null, 0, null],
      [expect.any(String), null, 0, null],
    ]);
    expect(results.ranking[1]).toMatchObject({ spread: { stdDev: 1, min: 2, max: 4 }, recommendations: { priorite: 1, 'si-possible': 1, 'non-retenu': 0 } });
    expect(results.ranking[1]!.criteria[1]).toEqual({ criterionId: criteria[1]!.id, mean: 2, scored: 1, notApplicable: 1 });
    // The ranking carries no expert, no comment.
    const text = JSON.stringify(results);
    expect(text).not.toContain('Commentaire');
    expect(text).not.toContain('Sophie');
    expect(text).not.toContain('Avis argumenté');

    const { reviews } = await json<ReviewsView>(await admin.api(`${base()}/reviews`), 200);
    expect(reviews.map((review) => [review.expert.name, review.boardId === LEAKS ? 'capteurs' : 'télérelève', review.status, review.average])).toEqual(
      expect.arrayContaining([
        ['Sophie Delattre', 'capteurs', 'submitted', 4],
        ['Marc Petit', 'capteurs', 'submitted', 2],
        ['Sophie Delattre', 'télérelève', 'submitted', 5],
        ['Marc Petit', 'télérelève', 'draft', 0],
      ]),
    );
    expect(reviews.find((review) => review.expert.name === 'Sophie Delattre' && review.boardId === LEAKS)).toMatchObject({ comment: 'Avis argumenté de l’experte.', recommendation: 'priorite' });
  });

  it('keeps the ranking from editors and readers until it is published', async () => {
    for (const session of [editor, reader, expert]) expect((await json<ApiError>(await session.api(`${base()}/results`), 403)).code).toBe('results-unpublished');
    expect((await editor.api(`${base()}/reviews`)).status).toBe(403);
  });
});

describe('grid changes', () => {
  const asInput = (view: EvaluationView['criteria']) => view.map(({ id, label, description, weight }) => ({ id, label, description, weight }));

  it('are for admins, keep the scored criteria, and change the ranking', async () => {
    expect((await editor.api(`${base()}/grid`, { method: 'PUT', body: { criteria: asInput(criteria) } })).status).toBe(403);
    expect((await expert.api(`${base()}/grid`, { method: 'PUT', body: { criteria: asInput(criteria) } })).status).toBe(403);

    const view = await json<EvaluationView>(await admin.api(base()), 200);
    expect(view.criteria.every((criterion) => criterion.scored)).toBe(true);
    const removing = await json<ApiError>(await admin.api(`${base()}/grid`, { method: 'PUT', body: { criteria: asInput(criteria).slice(1) } }), 409);
    expect(removing).toEqual({ error: `Un expert a déjà noté « ${criteria[0]!.label} » : un critère noté ne peut plus être retiré de la grille.`, code: 'criterion-scored' });

    // The first criterion weighs 3 now, and a new one comes last.
    const changed = [{ ...asInput(criteria)[0]!, weight: 3 }, ...asInput(criteria).slice(1), { label: 'Accessibilité (RGAA)', description: 'Pour tous les usagers.', weight: 1.5 }];
    const after = await json<EvaluationView>(await admin.api(`${base()}/grid`, { method: 'PUT', body: { criteria: changed } }), 200);
    expect(after.criteria.map((criterion) => [criterion.label, criterion.weight, criterion.scored])).toEqual([
      ...criteria.map((criterion, index) => [criterion.label, index === 0 ? 3 : 1, true]),
      ['Accessibilité (RGAA)', 1.5, false],
    ]);
    // Marc's 2 everywhere stays 2; Sophie's average did not change (4 everywhere she scored); the new criterion is missing from both.
    const results = await json<ResultsView>(await owner.api(`${base()}/results`), 200);
    expect(results.ranking.find((row) => row.boardId === LEAKS)?.mean).toBe(3);
    // Removing the new, unscored criterion is allowed.
    const back = await json<EvaluationView>(await admin.api(`${base()}/grid`, { method: 'PUT', body: { criteria: asInput(after.criteria).slice(0, -1) } }), 200);
    expect(back.criteria).toHaveLength(criteria.length);
    criteria = back.criteria;
  });

  it('refuses a grid with a bad weight, twice the same name, an unknown criterion or no criterion', async () => {
    const put = (body: unknown) => admin.api(`${base()}/grid`, { method: 'PUT', body });
    expect((await json<ApiError>(await put({ criteria: [{ ...asInput(criteria)[0]!, weight: 0 }] }), 400)).fields).toEqual({ 'criteria.0.weight': 'Le poids doit être supérieur à 0.' });
    expect((await json<ApiError>(await put({ criteria: [{ ...asInput(criteria)[0]!, weight: 1.25 }] }), 400)).fields).toEqual({ 'criteria.0.weight': 'Le poids a au plus une décimale (par exemple 1,5).' });
    expect((await json<ApiError>(await put({ criteria: [...asInput(criteria), { label: criteria[0]!.label.toUpperCase(), weight: 1 }] }), 400)).fields).toEqual({ [`criteria.${criteria.length}.label`]: 'Un autre critère porte déjà ce nom.' });
    expect((await json<ApiError>(await put({ criteria: [...asInput(criteria), { id: 'zzzzzzzzzzzzzzzz', label: 'Fantôme', weight: 1 }] }), 400)).fields).toEqual({ [`criteria.${criteria.length}.id`]: 'Ce critère n’est plus dans la grille : rechargez la page.' });
    expect((await json<ApiError>(await put({ criteria: [] }), 400)).fields).toEqual({ criteria: 'La grille doit compter au moins un critère.' });
  });
});

describe('publication', () => {
  it('is for admins; then every member reads the ranking, never one expert’s scores', async () => {
    for (const session of [editor, expert, reader]) expect((await session.api(`${base()}/publication`, { method: 'POST' })).status).toBe(403);
    const published = await json<EvaluationView>(await admin.api(`${base()}/publication`, { method: 'POST' }), 200);
    expect(published.publication).toMatchObject({ by: 'Julien Lefebvre' });
    expect(Date.parse(published.publication!.at)).not.toBeNaN();
    expect(published.allowed).not.toContain('evaluation.editGrid');
    // Publishing again changes nothing.
    expect((await json<EvaluationView>(await owner.api(`${base()}/publication`, { method: 'POST' }), 200)).publication).toEqual(published.publication);

    const forAdmins = await json<ResultsView>(await admin.api(`${base()}/results`), 200);
    for (const session of [editor, reader, expert, secondExpert]) {
      const results = await json<ResultsView>(await session.api(`${base()}/results`), 200);
      expect(results).toEqual(forAdmins);
      expect((await session.api(`${base()}/reviews`)).status).toBe(403);
    }
    expect((await json<EvaluationView>(await editor.api(base()), 200)).allowed).toEqual(['evaluation.viewGrid', 'evaluation.viewResults']);
  });

  it('freezes the scores and the grid until it is withdrawn', async () => {
    expect(await json<ApiError>(await score(expert, SONDES, complete([3])), 409)).toEqual({
      error: "Les résultats de l'évaluation sont publiés\u00a0: la grille et les notes ne changent plus.",
      code: 'results-published',
    });
    const mine = await json<MyEvaluationView>(await expert.api(`${base()}/boards/${LEAKS}`), 200);
    expect(mine).toMatchObject({ status: 'submitted', canScore: false, refusal: expect.stringContaining('publiés') });
    expect((await json<ApiError>(await admin.api(`${base()}/grid`, { method: 'PUT', body: { criteria: criteria.map(({ id, label, description, weight }) => ({ id, label, description, weight })) } }), 409)).code).toBe('results-published');

    expect((await editor.api(`${base()}/publication`, { method: 'DELETE' })).status).toBe(403);
    const withdrawn = await json<EvaluationView>(await admin.api(`${base()}/publication`, { method: 'DELETE' }), 200);
    expect(withdrawn.publication).toBeNull();
    expect((await editor.api(`${base()}/results`)).status).toBe(403);
    await json(await score(expert, SONDES, complete([3])), 200);
  });

  it('needs at least one handed-in evaluation', async () => {
    const ami = await json<AmiDetailView>(
      await owner.api('/api/amis', { body: { title: 'AMI sans évaluation', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] } }),
      201,
    );
    expect(await json<ApiError>(await owner.api(`${base(ami.id)}/publication`, { method: 'POST' }), 409)).toEqual({
      error: 'Aucun expert n’a encore transmis d’évaluation : il n’y a pas de résultats à publier.',
      code: 'nothing-to-publish',
    });
  });

  it('in a closed AMI, nothing changes any more but the admins still read everything', async () => {
    const ami = await json<AmiDetailView>(
      await owner.api('/api/amis', { body: { title: 'AMI clôturé évalué', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] } }),
      201,
    );
    await invite(expert, ami.id, 'commenter');
    const board = await json<{ id: string }>(await owner.api(`/api/amis/${ami.id}/boards`, { body: { title: 'Proposition', kind: 'proposition' } }), 201);
    const grid = await json<EvaluationView>(await expert.api(base(ami.id)), 200);
    const all = (value: number): EvaluationInput => ({ submit: true, recommendation: 'priorite', comment: '', scores: grid.criteria.map((criterion) => ({ criterionId: criterion.id, value: value as 3, comment: '' })) });
    await json(await score(expert, board.id, all(3), ami.id), 200);
    for (let status = ami.status; status !== 'cloture'; ) {
      const next = (await json<AmiDetailView>(await owner.api(`/api/amis/${ami.id}`), 200)).nextStatuses[0]!;
      status = (await json<AmiDetailView>(await owner.api(`/api/amis/${ami.id}/status`, { body: { status: next } }), 200)).status;
    }
    expect((await json<ApiError>(await score(expert, board.id, all(4), ami.id), 409)).code).toBe('ami-closed');
    expect((await owner.api(`${base(ami.id)}/publication`, { method: 'POST' })).status).toBe(409);
    expect((await owner.api(`${base(ami.id)}/grid`, { method: 'PUT', body: { criteria: [{ label: 'Seul critère', weight: 1 }] } })).status).toBe(409);
    expect((await json<ResultsView>(await owner.api(`${base(ami.id)}/results`), 200)).ranking[0]).toMatchObject({ rank: 1, mean: 3 });
  });
});
