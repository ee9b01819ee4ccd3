/** A new random id (shared `model/ids.ts`) for a vote session or a summon. */
import { ID_BYTES, idFromRandomBytes, type Id } from '@eprouvette/shared';

export function randomId(): Id {
  return idFromRandomBytes(crypto.getRandomValues(new Uint8Array(ID_BYTES)));
}
