import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDocument } from './csv.ts';

/**
 * A strict RFC 4180 reader with `;` between cells, to prove that what is written reads back as the
 * same cells (the BOM left to the caller).
 */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (cell += '"'), index++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ';') row.push(cell), (cell = '');
    else if (char === '\r' && text[index + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), index++;
    else cell += char;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last line has no line end');
  return rows;
}

describe('csvCell', () => {
  it('writes plain text as it is', () => {
    expect(csvCell('Capteurs acoustiques de fuites')).toBe('Capteurs acoustiques de fuites');
    expect(csvCell('Pertinence au défi territorial')).toBe('Pertinence au défi territorial');
  });

  it('quotes a cell holding a separator, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('Coût ; sobriété')).toBe('"Coût ; sobriété"');
    expect(csvCell('Le « réseau » dit "intelligent"')).toBe('"Le « réseau » dit ""intelligent"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvCell('retour\r\nchariot')).toBe('"retour\r\nchariot"');
  });

  it('quotes spaces at either end, which a spreadsheet would otherwise drop', () => {
    expect(csvCell(' espace')).toBe('" espace"');
    expect(csvCell('espace ')).toBe('"espace "');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://exemple.test";"clic")')).toBe('"\'=HYPERLINK(""http://exemple.test"";""clic"")"');
    expect(csvCell('+33 3 20 00 00 00')).toBe("'+33 3 20 00 00 00");
    expect(csvCell('-2 points')).toBe("'-2 points");
    expect(csvCell('@SOMME(A1)')).toBe("'@SOMME(A1)");
  });

  it('writes numbers with a decimal comma, integers without decimals, nothing for null or NaN', () => {
    expect(csvCell(3.256)).toBe('3,26');
    expect(csvCell(0.5)).toBe('0,50');
    expect(csvCell(4)).toBe('4');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('')).toBe('');
  });
});

describe('csvDocument', () => {
  it('starts with the BOM, separates with « ; » and ends every line with CRLF', () => {
    expect(csvDocument([['Rang', 'Moyenne'], [1, 3.5]])).toBe(`${CSV_BOM}Rang;Moyenne\r\n1;3,50\r\n`);
    expect(csvDocument([])).toBe(CSV_BOM);
  });

  it('reads back as the same cells, whatever they hold', () => {
    const rows = [
      ['Proposition', 'Commentaire', 'Note'],
      ['Télérelève ; alerte 48 h', 'Il a dit "oui"\r\npuis « non »', '4,5'],
      ['', ' ', ';'],
      ['"', '""', 'fin'],
    ];
    expect(parse(csvDocument(rows).slice(CSV_BOM.length))).toEqual(rows);
  });
});
