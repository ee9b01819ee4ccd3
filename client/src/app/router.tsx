/** Dependency-free routing: `location.pathname` + `location.search` and `history.pushState`. */
import { useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { parseRoute, type Route } from './routes.ts';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const getLocation = () => window.location.pathname + window.location.search;

/** The current path with its query, e.g. to come back to it after signing in. */
export function currentPath(): string {
  return getLocation();
}

/** `replace` for redirects, so that the Back button does not bounce on them. */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === getLocation()) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, getLocation, getLocation);
  return useMemo(() => {
    const url = new URL(location, 'http://localhost');
    return parseRoute(url.pathname, url.search);
  }, [location]);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An `<a>` that navigates without reloading (plain clicks only; Ctrl+click still opens a tab). */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
