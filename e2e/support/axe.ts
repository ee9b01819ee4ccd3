/**
 * axe-core in the browser tests: WCAG 2.1 A and AA violations of a page, the automated part of an
 * RGAA AA check (contrast, names, roles, structure). Manual checks remain needed for the rest.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** The rule tags of WCAG 2.0 and 2.1, levels A and AA, which RGAA 4 follows. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  readonly id: string;
  readonly impact: ImpactValue | null;
  readonly help: string;
  readonly helpUrl: string;
  /** CSS selectors of the failing elements, with axe's explanation of each. */
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

export interface AxeCheckOptions {
  /** Only this part of the page (a CSS selector); the whole document by default. */
  readonly include?: string;
  /** Parts left out, for instance a third-party widget checked elsewhere. */
  readonly exclude?: readonly string[];
}

let axeSource: Promise<string> | null = null;

function readAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * The WCAG 2.1 A/AA violations on the page as it is now. axe is evaluated in the page rather than
 * added as a script tag, so that a Content-Security-Policy cannot block it; once per page load.
 */
export async function axeViolations(page: Page, options: AxeCheckOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(await readAxe());
  const context = { include: [options.include ?? 'html'], exclude: [...(options.exclude ?? [])] };
  const run: RunOptions = { runOnly: { type: 'tag', values: [...WCAG_AA_TAGS] }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    ([runContext, runOptions]) => (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run(runContext, runOptions),
    [context, run] as const,
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
  }));
}

/** Violations as lines a failing assertion can show: rule, impact, help, then each element. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target}\n      ${node.summary.replace(/\n/g, '\n      ')}`);
      return [`${violation.id} (${violation.impact ?? 'impact inconnu'}): ${violation.help} — ${violation.helpUrl}`, ...nodes].join('\n');
    })
    .join('\n');
}
