/**
 * The demo data the server seeds on a fresh data directory (server/src/seed/demo.ts), and how a
 * test signs in as one of its people and reaches its AMI and boards through the UI.
 */
import type { Page } from 'playwright-core';
import { DEMO_AMI_TITLE, DEMO_PASSWORD } from '../../server/src/seed/demo.ts';
import { waitForHeading } from './pages.ts';

export { DEMO_AMI_TITLE, DEMO_PASSWORD };

export const DEMO = {
  owner: 'cheffe.projet@demo.eprouvette.fr',
  admin: 'charge.mission@demo.eprouvette.fr',
  editorSyndicat: 'agent.syndicat@demo.eprouvette.fr',
  editorCommune: 'agent.commune@demo.eprouvette.fr',
  commenter: 'experte.eau@demo.eprouvette.fr',
  reader: 'elu@demo.eprouvette.fr',
} as const;

/** A workshop board of the demo AMI: every editor may write on it. */
export const WORKSHOP_BOARD = 'Atelier d’idéation – réseau d’eau potable';

/** Fills and sends the login form already on the page, without waiting: the outcome is the caller's to check. */
export async function attemptLogin(page: Page, email: string, password: string): Promise<void> {
  await page.fill('[data-testid="login-form"] input[name="email"]', email);
  await page.fill('[data-testid="login-form"] input[name="password"]', password);
  await page.click('[data-testid="login-form"] button[type="submit"]');
}

/** Fills the login form already on the page and waits until the header shows who is signed in. */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await attemptLogin(page, email, password);
  await page.waitForSelector('[data-testid="signed-in-as"]', { timeout: 20_000 });
}

/** Signs in from the login page and waits for the dashboard. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await submitLogin(page, email, password);
  await waitForHeading(page, 'Mes AMI');
}

/** From the dashboard, opens the demo AMI; from its page, one of its boards by title. */
export async function openDemoAmi(page: Page): Promise<void> {
  await page.getByRole('link', { name: DEMO_AMI_TITLE, exact: true }).click();
  await waitForHeading(page, DEMO_AMI_TITLE);
}

export async function openBoard(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await waitForHeading(page, title);
}

export async function signInToDemoAmi(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signIn(page, baseUrl, email, password);
  await openDemoAmi(page);
}

/**
 * Signs in and reaches a board of the demo AMI the way a person does, through the dashboard and
 * the AMI page, rather than by its address: the links on the way are part of what is tested.
 */
export async function signInToBoard(
  page: Page,
  baseUrl: string,
  email: string,
  { board = WORKSHOP_BOARD, password = DEMO_PASSWORD }: { board?: string; password?: string } = {},
): Promise<void> {
  await signInToDemoAmi(page, baseUrl, email, password);
  await openBoard(page, board);
}
