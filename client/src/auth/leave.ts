import { navigate } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { forgetOfflineCopies } from '../sync/offline-copies.ts';
import { signedOut } from './current-user.ts';

/**
 * After the server ended this browser's session at the user's request (log out, log out
 * everywhere, account deleted): forget the account's offline board copies and go to the sign-in
 * page. A session that merely expired keeps its copies, so offline edits still merge after
 * signing in again.
 */
export function leave(userId: string): void {
  void forgetOfflineCopies(userId);
  navigate(paths.login());
  signedOut();
}
