import { describe, expect, it } from 'vitest';
import { isAllowedLink, linkFromInput } from './link-rule.ts';

describe('isAllowedLink', () => {
  it('allows http, https and mailto addresses', () => {
    for (const href of ['https://www.hautsdefrance.fr/ami', 'http://exemple.fr', 'mailto:contact@region.fr', 'HTTPS://EXEMPLE.FR']) {
      expect(isAllowedLink(href), href).toBe(true);
    }
  });

  it('refuses every other scheme, disguised or not, and what is not an absolute address', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://exemple.fr',
      'tel:+33300000000',
      '/relatif',
      '//exemple.fr',
      'www.exemple.fr',
      '',
    ]) {
      expect(isAllowedLink(href), JSON.stringify(href)).toBe(false);
    }
  });
});

describe('linkFromInput', () => {
  it('completes what people type: a bare host becomes https, an e-mail address mailto', () => {
    expect(linkFromInput(' www.hautsdefrance.fr/ami ')).toEqual({ ok: true, href: 'https://www.hautsdefrance.fr/ami' });
    expect(linkFromInput('contact@region.fr')).toEqual({ ok: true, href: 'mailto:contact@region.fr' });
    expect(linkFromInput('http://exemple.fr')).toEqual({ ok: true, href: 'http://exemple.fr' });
    expect(linkFromInput('mailto:a@b.fr')).toEqual({ ok: true, href: 'mailto:a@b.fr' });
  });

  it('refuses other protocols rather than turning them into https addresses', () => {
    expect(linkFromInput('javascript:alert(1)')).toEqual({ ok: false, reason: 'protocol' });
    expect(linkFromInput('JAVASCRIPT:alert(1)')).toEqual({ ok: false, reason: 'protocol' });
    expect(linkFromInput('data:text/html,x')).toEqual({ ok: false, reason: 'protocol' });
    expect(linkFromInput('ftp://exemple.fr')).toEqual({ ok: false, reason: 'protocol' });
  });

  it('says when nothing was typed', () => {
    expect(linkFromInput('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});
