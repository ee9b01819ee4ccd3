import { describe, expect, it } from 'vitest';
import { exportFileName, fileDate, fileSafeTitle } from './file-name.ts';

const day = new Date(2026, 2, 5, 23, 30);

describe('exportFileName', () => {
  it('names the file after the board and the day', () => {
    expect(exportFileName('Atelier mobilité', day, 'png')).toBe('Atelier mobilité-2026-03-05.png');
    expect(exportFileName('Atelier mobilité', day, 'pdf')).toBe('Atelier mobilité-2026-03-05.pdf');
  });

  it('dates the file in the local day', () => {
    expect(fileDate(day)).toBe('2026-03-05');
  });
});

describe('fileSafeTitle', () => {
  it('takes out path separators and characters file systems refuse', () => {
    expect(fileSafeTitle('Bilan : 2025/2026 <v2> "final" | ok? *')).toBe('Bilan 2025 2026 v2 final ok');
    expect(fileSafeTitle('..\\..\\etc\\passwd')).toBe('etc passwd');
  });

  it('takes out control characters and collapses spaces', () => {
    expect(fileSafeTitle('Un\u0000\ttableau\n\n  vide')).toBe('Un tableau vide');
  });

  it('keeps accents, composed the same way everywhere', () => {
    expect(fileSafeTitle('Ide\u0301es « fraîches »')).toBe('Idées « fraîches »');
  });

  it('drops leading and trailing dots', () => {
    expect(fileSafeTitle('.caché...')).toBe('caché');
  });

  it('shortens a long title', () => {
    expect(Array.from(fileSafeTitle('é'.repeat(200)))).toHaveLength(80);
  });

  it('falls back on « tableau » when nothing is left', () => {
    expect(fileSafeTitle(' /// ')).toBe('tableau');
    expect(exportFileName('', day, 'json')).toBe('tableau-2026-03-05.json');
  });
});
