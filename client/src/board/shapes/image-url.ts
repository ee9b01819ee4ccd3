/** The address a board image is served at (to members only): the canvas loads it, the exports inline it. */
export function imageUrl(amiId: string, hash: string): string {
  return `/api/amis/${encodeURIComponent(amiId)}/images/${hash}`;
}
