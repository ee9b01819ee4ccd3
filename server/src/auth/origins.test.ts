import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origins.ts';

const direct = { publicUrl: undefined, allowedOrigins: [] };

describe('isAllowedOrigin', () => {
  it('accepts the origin the request was made to', () => {
    expect(isAllowedOrigin('http://127.0.0.1:8080', 'http://127.0.0.1:8080/api/amis', direct)).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example'],
    ['another port', 'http://127.0.0.1:8081'],
    ['another scheme', 'https://127.0.0.1:8080'],
    ['a look-alike suffix', 'http://127.0.0.1:8080.evil.example'],
    ['the opaque origin of sandboxed frames and files', 'null'],
  ])('refuses %s', (_label, origin) => {
    expect(isAllowedOrigin(origin, 'http://127.0.0.1:8080/api/amis', direct)).toBe(false);
  });

  it('refuses a missing Origin', () => {
    expect(isAllowedOrigin(undefined, 'http://127.0.0.1:8080/api/amis', direct)).toBe(false);
  });

  it('behind a proxy, judges by the public URL, not by the address the proxy used', () => {
    const policy = { publicUrl: 'https://eprouvette.exemple.fr', allowedOrigins: [] };
    expect(isAllowedOrigin('https://eprouvette.exemple.fr', 'http://10.0.0.5:8080/api/amis', policy)).toBe(true);
    expect(isAllowedOrigin('http://10.0.0.5:8080', 'http://10.0.0.5:8080/api/amis', policy)).toBe(false);
  });

  it('accepts configured extra origins exactly', () => {
    const policy = { publicUrl: undefined, allowedOrigins: ['http://localhost:5173'] };
    expect(isAllowedOrigin('http://localhost:5173', 'http://127.0.0.1:8080/', policy)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5174', 'http://127.0.0.1:8080/', policy)).toBe(false);
  });
});
