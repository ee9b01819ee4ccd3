import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const INTRO = `# Benchmarks

Figures measured by \`npm run bench\` (see \`bench/\`). Each section is rewritten by its own benchmark;
the previous run of a section is kept below the latest one so that the two can be compared.
`;

/**
 * Rewrites one benchmark's section of BENCHMARKS.md (between `<!-- bench:<name>:start -->` and
 * its end marker): the preamble, the new run, and the run it replaces under "Previous run", so the
 * latest figures always sit next to the ones before. Other sections are left as they are.
 */
export function updateBenchmarkSection(path: string, name: string, preamble: string, runMarkdown: string): void {
  const [startMarker, endMarker] = [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];
  const [currentStart, currentEnd] = [`<!-- bench:${name}:current:start -->`, `<!-- bench:${name}:current:end -->`];
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : INTRO;
  const start = existing.indexOf(startMarker);
  const end = existing.indexOf(endMarker);
  let previous = '';
  if (start !== -1 && end > start) {
    const section = existing.slice(start, end);
    const a = section.indexOf(currentStart);
    const b = section.indexOf(currentEnd);
    if (a !== -1 && b > a) previous = section.slice(a + currentStart.length, b).trim();
  }
  const previousBlock = previous
    ? `\n### Previous run\n\n${previous.replace(/^### Run of/m, '#### Run of').replace(/^#### (\d\.)/gm, '##### $1')}\n`
    : '';
  const section = `${startMarker}\n${preamble}\n${currentStart}\n${runMarkdown.trim()}\n${currentEnd}\n${previousBlock}${endMarker}`;
  const next =
    start !== -1 && end > start
      ? existing.slice(0, start) + section + existing.slice(end + endMarker.length)
      : `${existing.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
