/**
 * A commenter's board is read-only in the page and on the server: even an edit forced through the
 * page (the textarea's `readonly` removed, then typing) never reaches an editor in another browser
 * and is gone after a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, signIn, signInToBoard } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { SELECTORS, textValue, waitForBadge, waitForText, waitForTextMatching } from './support/pages.ts';

const EDITOR_TEXT = 'Idée retenue : capteurs acoustiques sur les conduites principales.';
const FORCED = ' FORCÉ PAR LA COMMENTATRICE';
const LATER = '\nSuite écrite après la tentative.';

describe('a read-only board', () => {
  const e2e = useE2eServer();
  let editor: Page;
  let commenter: Page;

  it('an editor writes on the workshop board; the commenter reads it, marked « Lecture seule »', async () => {
    editor = await e2e.openPage();
    await signInToBoard(editor, e2e.server.url, DEMO.editorSyndicat);
    await waitForBadge(editor, 'connecté');
    await editor.waitForSelector(`${SELECTORS.text}[data-state="editable"]`);
    await editor.click(SELECTORS.text);
    await editor.keyboard.type(EDITOR_TEXT);

    commenter = await e2e.openPage();
    await signInToBoard(commenter, e2e.server.url, DEMO.commenter);
    await waitForBadge(commenter, 'connecté');
    await waitForText(commenter, EDITOR_TEXT);
    await commenter.waitForSelector('[data-testid="read-only-badge"]');
    expect(await commenter.textContent('[data-testid="read-only-badge"]')).toBe('Lecture seule');
    expect(await commenter.textContent('.editor')).toContain('Votre rôle de commentateur permet de consulter ce tableau');
    expect(await commenter.getAttribute(SELECTORS.text, 'readonly')).not.toBeNull();
    expect(await commenter.getAttribute(SELECTORS.text, 'data-state')).toBe('read-only');
  });

  it('typing into the read-only notes changes nothing', async () => {
    await commenter.click(SELECTORS.text);
    await commenter.keyboard.press('End');
    await commenter.keyboard.type(' tentative');
    expect(await textValue(commenter)).toBe(EDITOR_TEXT);
  });

  it('an edit forced through the page never reaches the editor nor the server', async () => {
    await commenter.evaluate((selector) => document.querySelector(selector)?.removeAttribute('readonly'), SELECTORS.text);
    await commenter.click(SELECTORS.text);
    await commenter.keyboard.press('Control+End');
    await commenter.keyboard.type(FORCED);
    // The forced text is in the commenter's own copy only.
    expect(await textValue(commenter)).toBe(EDITOR_TEXT + FORCED);

    // The editor keeps writing; once the commenter sees that, the server has relayed everything
    // it accepted since the forced edit — which must not include it.
    await editor.click(SELECTORS.text);
    await editor.keyboard.press('Control+End');
    await editor.keyboard.type(LATER);
    await waitForTextMatching(commenter, 'the commenter should receive the editor’s later text', { includes: [LATER], excludes: [] });
    expect(await textValue(editor)).toBe(EDITOR_TEXT + LATER);
    expect(await commenter.textContent(SELECTORS.badge)).toBe('connecté');
    // The forced edit did reach the server, which refused it.
    expect(e2e.server.output()).toContain('update refused: read-only connection');
  });

  it('after a reload, the commenter gets the server’s text, without the forced edit', async () => {
    await commenter.reload();
    await waitForBadge(commenter, 'connecté');
    await waitForText(commenter, EDITOR_TEXT + LATER);
    await commenter.waitForSelector('[data-testid="read-only-badge"]');
    // A third browser, signed in as another editor, sees the same.
    const other = await e2e.openPage();
    await signIn(other, e2e.server.url, DEMO.editorCommune);
    await other.goto(commenter.url());
    await waitForBadge(other, 'connecté');
    await waitForText(other, EDITOR_TEXT + LATER);
    expect(await textValue(editor)).toBe(EDITOR_TEXT + LATER);
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
