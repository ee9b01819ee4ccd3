/**
 * The browser copies of board documents (IndexedDB), named per account so that two people sharing
 * a browser never share one. Signing out or deleting the account removes that account's copies:
 * a shared computer must not keep a collectivité's boards readable after its user has left.
 */

const PREFIX = 'eprouvette:';

export function offlineStoreName(userId: string, documentName: string): string {
  return `${PREFIX}${userId}:${documentName}`;
}

/** The stores among `names` that hold copies for this account. */
export function storesOf(names: readonly string[], userId: string): string[] {
  const own = `${PREFIX}${userId}:`;
  return names.filter((name) => name.startsWith(own));
}

/**
 * Deletes the account's copies. A copy still open (the board being left) is deleted once its page
 * closes it: IndexedDB holds the deletion until then.
 */
export async function forgetOfflineCopies(userId: string): Promise<void> {
  const databases = await indexedDB.databases();
  const names = databases.flatMap((database) => database.name ?? []);
  for (const name of storesOf(names, userId)) indexedDB.deleteDatabase(name);
}
