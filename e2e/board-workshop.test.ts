/**
 * The workshop tools of the board between a facilitator and a participant, in two browsers
 * through the real server: a template inserted by one shows its frames to the other, the shared
 * timer runs, pauses, ends and resets on both screens, a dot vote started by the facilitator keeps
 * each participant's dots to themselves until it is closed and then shows everyone the same
 * counts, and a participant follows the facilitator's view, or is brought to it.
 *
 * The facilitator is the AMI's chargé de mission (admin: timer, votes and « Amener tout le monde
 * ici » are for admins and owners), the participant an agent of a commune (editor).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readVoteSessions, type Shape } from '@eprouvette/shared';
import { worldToScreen } from '../client/src/board/engine/camera.ts';
import { waitFor, type ProviderClient } from '../server/src/testing/clients.ts';
import { addSticky, COLOURS, connectAs, rgb, onPage, openBoardAs, shapesOf, waitForBoard, waitForListed, waitForPixel, waitForShapes, type Point } from './support/board.ts';
import { DEMO } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { selfName, waitForPeer } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const TEMPLATE = 'Matrice impact / effort';
const QUADRANTS = ['Gains rapides', 'Projets majeurs', 'Petites améliorations', 'À éviter'];
const IDEA = 'Capteurs acoustiques';
const OTHER_IDEA = 'Télérelève des compteurs';

const panel = (page: Page, name: 'Minuteur' | 'Vote par gommettes' | 'Suivre une vue'): Locator => page.getByRole('region', { name, exact: true });
const timerOf = (page: Page) => panel(page, 'Minuteur');
const voteOf = (page: Page) => panel(page, 'Vote par gommettes');
const followOf = (page: Page) => panel(page, 'Suivre une vue');

/** Waits until `locator` is one element whose text is `expected` (or passes it), and says what it was otherwise. */
async function waitForText(locator: Locator, expected: string | RegExp | ((text: string) => boolean), what: string): Promise<string> {
  let seen: string | null = null;
  const matches = (text: string | null) =>
    text !== null && (typeof expected === 'string' ? text === expected : expected instanceof RegExp ? expected.test(text) : expected(text));
  try {
    await waitFor(async () => matches((seen = (await locator.count()) === 1 ? await locator.textContent() : null)), what, 20_000);
  } catch {
    throw new Error(`${what}: expected ${String(expected)}, saw ${JSON.stringify(seen)}`);
  }
  return seen ?? '';
}

/** Each item of a list as the texts of its parts (label, count, buttons…), one space between them. */
const itemTexts = (list: Locator) =>
  list.locator('li').evaluateAll((items) =>
    items.map((item) => (item.children.length > 0 ? Array.from(item.children) : [item]).map((part) => (part.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ')),
  );

/** The vote dots' colour (overlay.ts). */
const VOTE_DOT = '#0b5563';

/** What a page's board shows: its camera and its viewport, as the follow panel writes them. */
interface View {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

async function viewOf(page: Page): Promise<View> {
  return followOf(page).evaluate((element) => {
    const data = (element as HTMLElement).dataset;
    return { x: Number(data.viewX), y: Number(data.viewY), zoom: Number(data.viewZoom), width: Number(data.viewWidth), height: Number(data.viewHeight) };
  });
}

/** The world rectangle a view shows. */
const shown = (view: View) => ({ x: view.x, y: view.y, w: view.width / view.zoom, h: view.height / view.zoom });

/** Whether `follower` shows the whole of what `presenter` shows, centred on the same point (to a hundredth of a world unit). */
function showsSameView(presenter: View, follower: View): boolean {
  const [a, b] = [shown(presenter), shown(follower)];
  const close = (p: number, q: number) => Math.abs(p - q) < 0.01;
  const centred = close(a.x + a.w / 2, b.x + b.w / 2) && close(a.y + a.h / 2, b.y + b.h / 2);
  const contains = b.w >= a.w - 0.01 && b.h >= a.h - 0.01;
  // Fitted, not zoomed out further than needed: one side matches.
  return centred && contains && (close(a.w, b.w) || close(a.h, b.h));
}

/** Waits until a page's view passes `check`; returns it. */
async function waitForView(page: Page, check: (view: View) => boolean, what: string): Promise<View> {
  let seen: View | null = null;
  try {
    await waitFor(async () => check((seen = await viewOf(page))), what, 20_000);
  } catch {
    throw new Error(`${what}: the view is ${JSON.stringify(seen)}`);
  }
  return seen as unknown as View;
}

async function waitForSameView(presenter: Page, follower: Page, what: string): Promise<View> {
  let seen: [View, View] | null = null;
  try {
    await waitFor(async () => {
      seen = [await viewOf(presenter), await viewOf(follower)];
      return showsSameView(...seen);
    }, what, 20_000);
  } catch {
    throw new Error(`${what}: the presenter shows ${JSON.stringify(seen?.[0])}, the follower ${JSON.stringify(seen?.[1])}`);
  }
  return (seen as unknown as [View, View])[1];
}

describe('the workshop tools between a facilitator and a participant', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  const shoot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name) });
  /** The facilitator (admin of the AMI) and a participant (editor). */
  let facilitator: Page;
  let participant: Page;
  let facilitatorName: string;
  /** The board as the server holds it. */
  let server: ProviderClient;

  afterAll(() => server?.destroy());

  /** Selects a shape through the list view (« Vue en liste du tableau »), as a keyboard or screen-reader user would. */
  const selectListed = async (page: Page, text: string) => {
    const entry = page.locator('.board-list [data-outline-id]', { hasText: text });
    await entry.click();
    await page.waitForFunction((label) => Array.from(document.querySelectorAll('.board-list [aria-current="true"]')).some((item) => item.textContent?.includes(label)), text);
  };

  /** Pans a page's board with the mouse wheel over its canvas: the person's own move. */
  const wheel = async (page: Page, deltaX: number, deltaY: number) => {
    const centre = await onPage(page, { x: 300, y: 250 });
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(deltaX, deltaY);
  };

  it('the facilitator and a participant open the workshop board; only the facilitator gets the workshop controls', async () => {
    [facilitator, participant] = (await openBoardAs(e2e, [DEMO.admin, DEMO.editorCommune])) as [Page, Page];
    facilitatorName = await selfName(facilitator);
    await waitForPeer(participant, facilitatorName);
    await waitForPeer(facilitator, await selfName(participant));
    server = await connectAs(facilitator, e2e.server.url);
    expect(shapesOf(server)).toEqual([]);

    expect(await timerOf(facilitator).getByRole('button', { name: 'Démarrer' }).isVisible()).toBe(true);
    expect(await voteOf(facilitator).getByRole('button', { name: 'Lancer le vote' }).isVisible()).toBe(true);
    expect(await followOf(facilitator).getByRole('button', { name: 'Amener tout le monde ici' }).isVisible()).toBe(true);
    // No timer was ever started: a participant has nothing to see of it, and no one can start a vote or summon.
    expect(await timerOf(participant).count()).toBe(0);
    expect(await voteOf(participant).textContent()).toContain('Aucun vote en cours.');
    expect(await participant.getByRole('button', { name: 'Lancer le vote' }).count()).toBe(0);
    expect(await participant.getByRole('button', { name: 'Amener tout le monde ici' }).count()).toBe(0);
    // Both may insert templates.
    expect(await participant.getByRole('button', { name: 'Insérer un modèle' }).isDisabled()).toBe(false);
  });

  it('a template inserted by the facilitator shows its frames and prompts to the participant (screenshots)', async () => {
    const open = facilitator.getByRole('button', { name: 'Insérer un modèle' });
    await open.click();
    const list = facilitator.getByRole('list', { name: 'Modèles de tableau' });
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    expect(await itemTexts(list)).toEqual([
      expect.stringContaining('Fiche expérimentation'),
      expect.stringContaining('Carte des acteurs'),
      expect.stringContaining(TEMPLATE),
      expect.stringContaining('SWOT'),
      expect.stringContaining('Feuille de route'),
    ]);
    // The list drops over the side panel, whole: the panel scrolls and would cut off what sticks out of it.
    const [listBox, sideBox] = [await list.boundingBox(), await facilitator.locator('.board-workspace__side').boundingBox()];
    expect(listBox && sideBox && listBox.x >= sideBox.x && listBox.x + listBox.width <= sideBox.x + sideBox.width).toBe(true);
    await shoot(facilitator, 'workshop-template-picker');
    await list.getByRole('button', { name: new RegExp(`^${TEMPLATE}`) }).click();
    expect(await list.isHidden()).toBe(true);
    await waitForText(facilitator.locator('.template-picker [role="status"]'), `Modèle « ${TEMPLATE} » inséré au centre de la vue et sélectionné.`, 'the facilitator is told the template is in');

    const shapes = await waitForShapes(server, 'the template’s shapes', (all) => all.filter((shape) => shape.type === 'frame').length === 5);
    const frames = shapes.filter((shape): shape is Extract<Shape, { type: 'frame' }> => shape.type === 'frame');
    expect(frames.map((frame) => frame.title).sort()).toEqual([TEMPLATE, ...QUADRANTS].sort());
    const outer = frames.find((frame) => frame.title === TEMPLATE);
    // Every quadrant lies in the outer frame, and the quadrants are its children.
    for (const frame of frames.filter((candidate) => candidate !== outer)) {
      expect(frame.parent).toBe(outer?.id);
    }
    expect(shapes.filter((shape) => shape.type === 'connector').map((shape) => shape.type === 'connector' && shape.text)).toEqual(['Impact', 'Effort']);
    expect(shapes.some((shape) => shape.type === 'text' && shape.text.startsWith('Impact fort, effort faible'))).toBe(true);

    await waitForListed(participant, 'the participant’s list view shows the template’s frames and prompts', {
      includes: [TEMPLATE, ...QUADRANTS, 'Placez chaque idée selon l', 'Impact fort, effort faible : à lancer en premier.'],
    });
    // The facilitator's view moved to the template and selected it; the participant's did not move.
    expect(await facilitator.locator('.board-list [aria-current="true"]').textContent()).toContain(TEMPLATE);
    expect(await participant.locator('.board-list [aria-current="true"]').count()).toBe(0);
    await waitForBoard(facilitator);
    await waitForBoard(participant);
    await shoot(facilitator, 'workshop-template-facilitator');
    await shoot(participant, 'workshop-template-participant');
  });

  it('the shared timer started by the facilitator counts down on the participant’s screen, pauses, resumes and resets (screenshots)', async () => {
    const controls = timerOf(facilitator);
    await controls.getByLabel('Durée').selectOption({ label: '5 min' });
    await controls.getByRole('button', { name: 'Démarrer' }).click();

    const clock = timerOf(participant).getByRole('timer');
    const first = await waitForText(clock, /^0[45]:[0-5]\d$/, 'the participant sees the timer running from 5 minutes');
    // Counting down on the participant's own screen, from the shared end time.
    await waitForText(clock, (text) => /^0[45]:[0-5]\d$/.test(text) && text < first, 'the participant’s timer counts down');
    expect(await timerOf(participant).locator('.shared-timer__status').count()).toBe(0);
    // A participant sees the time, not the controls.
    expect(await timerOf(participant).getByRole('button').count()).toBe(0);
    await shoot(participant, 'workshop-timer-running-participant');

    await controls.getByRole('button', { name: 'Pause' }).click();
    await waitForText(timerOf(participant).locator('.shared-timer__status'), 'En pause', 'the participant sees the timer paused');
    // Paused, both show the same frozen time.
    expect(await clock.textContent()).toBe(await controls.getByRole('timer').textContent());
    await shoot(facilitator, 'workshop-timer-paused-facilitator');

    await controls.getByRole('button', { name: 'Reprendre' }).click();
    await waitFor(async () => (await timerOf(participant).locator('.shared-timer__status').count()) === 0, 'the participant sees the timer running again', 20_000);
    await controls.getByRole('button', { name: 'Réinitialiser' }).click();
    await waitForText(timerOf(participant).locator('.shared-timer__status'), 'En attente', 'the participant sees the timer reset');
    expect(await clock.textContent()).toBe('05:00');
    // Reset, the facilitator gets the form back with the duration that was set.
    expect(await controls.getByLabel('Durée').inputValue()).toBe('5');
  });

  it('a short custom timer ends on both screens (screenshot)', async () => {
    const controls = timerOf(facilitator);
    await controls.getByLabel('Durée').selectOption({ label: 'Autre durée…' });
    await controls.getByLabel('Durée en minutes').fill('0:02');
    await controls.getByRole('button', { name: 'Démarrer' }).click();
    for (const page of [participant, facilitator]) {
      await waitForText(timerOf(page).locator('.shared-timer__status'), 'Temps écoulé', 'the time is up on both screens');
      expect(await timerOf(page).getByRole('timer').textContent()).toBe('00:00');
    }
    // Screen readers hear the end, once.
    expect(await timerOf(participant).locator('[aria-live="polite"]').textContent()).toBe('Le temps est écoulé.');
    await shoot(participant, 'workshop-timer-ended-participant');
    await controls.getByRole('button', { name: 'Réinitialiser' }).click();
    await waitForText(timerOf(participant).locator('.shared-timer__status'), 'En attente', 'the participant sees the ended timer reset');
    expect(await timerOf(participant).getByRole('timer').textContent()).toBe('00:02');
  });

  it('the participant’s screen reader hears when one minute is left', async () => {
    const controls = timerOf(facilitator);
    await controls.getByLabel('Durée en minutes').fill('1:02');
    await controls.getByRole('button', { name: 'Démarrer' }).click();
    const live = timerOf(participant).locator('[aria-live="polite"]');
    await waitForText(live, 'Plus qu’une minute au minuteur.', 'the last minute announced');
    expect(await timerOf(participant).getByRole('timer').textContent()).toMatch(/^(01:00|00:[0-5]\d)$/);
    await controls.getByRole('button', { name: 'Réinitialiser' }).click();
    await waitForText(timerOf(participant).locator('.shared-timer__status'), 'En attente', 'the participant sees the timer reset');
    await waitForText(live, '', 'the announcement cleared with the reset');
  });

  it('a dot vote keeps each person’s dots to themselves until the facilitator closes it, then shows everyone the counts (screenshots)', async () => {
    await addSticky(participant, { x: 150, y: 150 }, IDEA);
    await addSticky(participant, { x: 420, y: 150 }, OTHER_IDEA);
    await waitForShapes(server, 'the participant’s two ideas', (shapes) => [IDEA, OTHER_IDEA].every((text) => shapes.some((shape) => shape.type === 'sticky' && shape.text === text)));
    await waitForListed(facilitator, 'the facilitator’s list view shows both ideas', { includes: [IDEA, OTHER_IDEA] });

    const start = voteOf(facilitator);
    await start.getByLabel('Votes par personne').fill('3');
    await start.getByRole('button', { name: 'Lancer le vote' }).click();

    const vote = voteOf(participant);
    await waitForText(vote.locator('p').first(), 'Vote en cours : 3 votes par personne.', 'the participant sees the vote open');
    expect(await vote.textContent()).toContain('Toutes les formes du tableau sont soumises au vote.');
    expect(await vote.locator('.vote-panel__remaining').textContent()).toBe('Il vous reste 3 votes.');
    // Announced to screen readers as it starts.
    await waitForText(vote.locator('.vote-panel__message'), 'Un vote commence. Il vous reste 3 votes.', 'the participant is told the vote starts');
    expect(await vote.getByRole('button', { name: 'Clore le vote' }).count()).toBe(0);

    await selectListed(participant, IDEA);
    const cast = vote.getByRole('button', { name: 'Voter pour la sélection' });
    await cast.click();
    await waitForText(vote.locator('.vote-panel__remaining'), 'Il vous reste 2 votes.', 'one dot placed');
    await cast.click();
    await waitForText(vote.locator('.vote-panel__remaining'), 'Il vous reste 1 vote.', 'two dots placed');
    await selectListed(participant, OTHER_IDEA);
    await cast.click();
    await waitForText(vote.locator('.vote-panel__remaining'), 'Il ne vous reste plus de vote.', 'every dot placed');
    await cast.click();
    await waitForText(vote.locator('.vote-panel__message'), 'Vous avez utilisé tous vos votes. Retirez-en un pour voter ailleurs.', 'a fourth dot is refused');
    expect(await itemTexts(vote.locator('.vote-list'))).toEqual([`${IDEA} 2 votes Retirer Voir`, `${OTHER_IDEA} 1 vote Retirer Voir`]);
    // A dot taken back can be placed again.
    await vote.getByRole('button', { name: `Retirer un vote de « ${OTHER_IDEA} »` }).click();
    await waitForText(vote.locator('.vote-panel__remaining'), 'Il vous reste 1 vote.', 'a dot taken back');
    expect(await itemTexts(vote.locator('.vote-list'))).toEqual([`${IDEA} 2 votes Retirer Voir`]);
    await cast.click();
    await waitForText(vote.locator('.vote-panel__remaining'), 'Il ne vous reste plus de vote.', 'the dot placed again');
    expect(await itemTexts(vote.locator('.vote-list'))).toEqual([`${IDEA} 2 votes Retirer Voir`, `${OTHER_IDEA} 1 vote Retirer Voir`]);

    // The facilitator learns how many voted, not for what.
    const facilitation = voteOf(facilitator);
    await waitForText(facilitation.locator('.vote-panel__facilitation p'), '1 personne a voté.', 'the facilitator sees one voter');
    expect(await facilitation.locator('.vote-list').count()).toBe(0);
    await selectListed(facilitator, IDEA);
    await facilitation.getByRole('button', { name: 'Voter pour la sélection' }).click();
    await waitForText(facilitation.locator('.vote-panel__remaining'), 'Il vous reste 2 votes.', 'the facilitator voted too');
    await waitForText(facilitation.locator('.vote-panel__facilitation p'), '2 personnes ont voté.', 'the facilitator sees two voters');
    // Each sees their own dots only, and no results while the vote is open.
    expect(await itemTexts(facilitation.locator('.vote-list'))).toEqual([`${IDEA} 1 vote Retirer Voir`]);
    await waitFor(() => readVoteSessions(server.doc)[0]?.ballots.length === 4, 'the four dots on the server', 20_000);
    expect(await itemTexts(vote.locator('.vote-list'))).toEqual([`${IDEA} 2 votes Retirer Voir`, `${OTHER_IDEA} 1 vote Retirer Voir`]);
    for (const page of [facilitator, participant]) expect(await voteOf(page).getByText('Résultats du vote').count()).toBe(0);
    await shoot(participant, 'workshop-vote-open-participant');
    await shoot(facilitator, 'workshop-vote-open-facilitator');

    await facilitation.getByRole('button', { name: 'Clore le vote' }).click();
    await facilitation.getByRole('group', { name: 'Clore le vote' }).getByRole('button', { name: 'Clore le vote' }).click();
    const results = [`1. ${IDEA} 3 votes Voir`, `2. ${OTHER_IDEA} 1 vote Voir`];
    for (const page of [participant, facilitator]) {
      const list = voteOf(page).locator('.vote-list--results');
      await waitFor(async () => (await list.count()) === 1, 'the results shown', 20_000);
      expect(await itemTexts(list)).toEqual(results);
      expect(await voteOf(page).getByRole('button', { name: 'Voter pour la sélection' }).count()).toBe(0);
    }
    expect(await vote.locator('.vote-panel__message').textContent()).toBe('Le vote est clos : les résultats sont affichés.');
    expect(readVoteSessions(server.doc)[0]?.closed?.tally).toEqual(
      Object.fromEntries(
        [[IDEA, 3], [OTHER_IDEA, 1]].map(([text, votes]) => [shapesOf(server).find((shape) => shape.type === 'sticky' && shape.text === text)?.id, votes]),
      ),
    );
    // The counts are drawn as dots on the top-right corners of the shapes voted for.
    const voted = shapesOf(server).find((shape) => shape.type === 'sticky' && shape.text === IDEA);
    if (voted === undefined) throw new Error('the idea is gone');
    const dot = worldToScreen(await viewOf(participant), { x: voted.x + voted.w, y: voted.y });
    await waitForPixel(participant, { x: Math.round(dot.x - 8), y: Math.round(dot.y + 6) }, rgb(VOTE_DOT), 'the participant sees the count on the idea', { layer: 'overlay' });
    // A new vote can be started again by the facilitator, never by the participant.
    expect(await facilitation.getByRole('button', { name: 'Lancer le vote' }).isVisible()).toBe(true);
    expect(await vote.getByRole('button', { name: 'Lancer le vote' }).count()).toBe(0);
    await shoot(participant, 'workshop-vote-results-participant');
    await shoot(facilitator, 'workshop-vote-results-facilitator');
  });

  it('the participant follows the facilitator’s view as they zoom and pan (screenshot)', async () => {
    const follow = followOf(participant);
    await follow.getByRole('button', { name: `Suivre la vue de ${facilitatorName}` }).click();
    await waitForText(follow.locator('.follow-controls__banner p'), `Vous suivez la vue de ${facilitatorName}. Déplacez la vue ou appuyez sur Échap pour reprendre la main.`, 'the participant is told whose view they follow');
    await waitForText(followOf(facilitator).locator('.follow-controls__followers'), '1 personne suit votre vue.', 'the facilitator sees one follower');
    await waitForSameView(facilitator, participant, 'the participant’s view jumps to the facilitator’s');

    // The facilitator shows one idea, zooms in and pans: the participant's view goes along.
    await selectListed(facilitator, IDEA);
    const start = await viewOf(facilitator);
    await facilitator.getByRole('button', { name: 'Zoom avant' }).click();
    const zoomed = await waitForView(facilitator, (view) => view.zoom > start.zoom, 'the facilitator zoomed in');
    await wheel(facilitator, 0, 120);
    const after = await waitForView(facilitator, (view) => view.y > zoomed.y && view.zoom === zoomed.zoom, 'the facilitator panned down');
    const followed = await waitForSameView(facilitator, participant, 'the participant’s view follows the facilitator’s zoom and pan');
    expect(followed).toMatchObject({ width: after.width, height: after.height });
    expect(await participant.locator('.board-zoom__level').textContent()).toBe(await facilitator.locator('.board-zoom__level').textContent());
    expect(await follow.locator('.follow-controls__banner').count()).toBe(1);

    // Both screens draw the idea at the same place.
    const idea = shapesOf(server).find((shape) => shape.type === 'sticky' && shape.text === IDEA);
    if (idea === undefined) throw new Error('the idea is gone');
    const corner = worldToScreen(after, { x: idea.x + 15, y: idea.y + 15 });
    const at: Point = { x: Math.round(corner.x), y: Math.round(corner.y) };
    await waitForPixel(facilitator, at, COLOURS.yellow, 'the facilitator draws the idea');
    await waitForPixel(participant, at, COLOURS.yellow, 'the participant draws it at the same place');
    await shoot(participant, 'workshop-following-participant');
  });

  it('Escape gives the participant their view back; « Amener tout le monde ici » brings them to the facilitator’s (screenshots)', async () => {
    const follow = followOf(participant);
    await participant.keyboard.press('Escape');
    await waitFor(async () => (await follow.locator('.follow-controls__banner').count()) === 0, 'the follow banner gone', 20_000);
    expect(await follow.getByRole('button', { name: `Suivre la vue de ${facilitatorName}` }).isVisible()).toBe(true);
    await waitFor(async () => (await followOf(facilitator).locator('.follow-controls__followers').count()) === 0, 'the facilitator has no follower left', 20_000);

    // Each now moves on their own.
    const left = await viewOf(participant);
    await wheel(participant, 300, 400);
    await waitForView(participant, (view) => view.x > left.x && view.y > left.y, 'the participant pans their own view');
    const mine = await viewOf(facilitator);
    await wheel(facilitator, -200, 0);
    const presenter = await waitForView(facilitator, (view) => view.x < mine.x, 'the facilitator pans theirs');
    expect(showsSameView(presenter, await viewOf(participant))).toBe(false);

    await followOf(facilitator).getByRole('button', { name: 'Amener tout le monde ici' }).click();
    await waitForText(followOf(facilitator).locator('.follow-controls__presenting p'), 'Vous présentez : les participants suivent votre vue.', 'the facilitator is presenting');
    await waitForText(follow.locator('.follow-controls__banner p'), `Vous suivez la vue de ${facilitatorName}. Déplacez la vue ou appuyez sur Échap pour reprendre la main.`, 'the participant is brought along');
    await waitForSameView(facilitator, participant, 'the participant’s view moves to the facilitator’s');
    await waitForText(followOf(facilitator).locator('.follow-controls__followers'), '1 personne suit votre vue.', 'the facilitator sees the participant following');
    await shoot(facilitator, 'workshop-presenting-facilitator');
    await shoot(participant, 'workshop-summoned-participant');

    // The presenter moves again; the participant follows until they move themselves.
    await facilitator.getByRole('button', { name: 'Zoom arrière' }).click();
    await waitForSameView(facilitator, participant, 'the participant follows the presenter’s next move');
    await wheel(participant, 0, -200);
    await waitFor(async () => (await follow.locator('.follow-controls__banner').count()) === 0, 'the participant takes back control by moving', 20_000);
    await waitForText(followOf(facilitator).locator('.follow-controls__followers'), 'Personne ne suit votre vue.', 'the presenter sees nobody following');
    await followOf(facilitator).getByRole('button', { name: 'Arrêter la présentation' }).click();
    expect(await followOf(facilitator).getByRole('button', { name: 'Amener tout le monde ici' }).isVisible()).toBe(true);
  });

  it('a participant following the facilitator is told when the facilitator leaves the board', async () => {
    const follow = followOf(participant);
    await follow.getByRole('button', { name: `Suivre la vue de ${facilitatorName}` }).click();
    await waitForText(followOf(facilitator).locator('.follow-controls__followers'), '1 personne suit votre vue.', 'the facilitator sees the participant following');
    await facilitator.getByRole('link', { name: /Retour à l’AMI/ }).click();
    await waitFor(async () => (await follow.locator('.follow-controls__banner').count()) === 0, 'the follow banner gone', 20_000);
    await waitForText(follow.locator('[aria-live="polite"] p'), `${facilitatorName} a quitté le tableau : vous ne suivez plus personne.`, 'the participant is told');
    expect(await follow.locator('p.muted').textContent()).toBe('Personne d’autre n’est sur le tableau pour l’instant.');
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
