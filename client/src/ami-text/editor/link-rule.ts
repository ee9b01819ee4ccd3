/**
 * Which links the AMI text may hold: only http, https and mailto. The rule is applied by the
 * Link mark everywhere a link can enter the document (parsed HTML — so pasted content —, typed
 * or pasted URLs, the link dialog, rendering), so a `javascript:` or `data:` href never reaches
 * the shared document.
 */

export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

const ALLOWED = new Set<string>(LINK_PROTOCOLS.map((protocol) => `${protocol}:`));

/**
 * Whether `href` is an absolute URL of an allowed protocol. The URL parser does what browsers
 * do with `java\tscript:` or ` JAVASCRIPT:` (strips tabs and newlines, lowercases the scheme),
 * so a disguised scheme is judged as the browser would follow it.
 */
export function isAllowedLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return false;
  }
  return ALLOWED.has(url.protocol);
}

export type LinkInput = { ok: true; href: string } | { ok: false; reason: 'empty' | 'protocol' };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * What a person typed in the link dialog, as an href: `www.region.fr` becomes
 * `https://www.region.fr` and `contact@region.fr` a mailto link; any other scheme is refused.
 */
export function linkFromInput(input: string): LinkInput {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const href = SCHEME.test(text) ? text : EMAIL.test(text) ? `mailto:${text}` : `https://${text}`;
  return isAllowedLink(href) ? { ok: true, href } : { ok: false, reason: 'protocol' };
}
