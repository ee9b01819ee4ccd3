import { randomBytes } from 'node:crypto';
import { ID_BYTES, idFromRandomBytes, type Id } from '@eprouvette/shared';

/** A fresh random id (see `shared/src/model/ids.ts` for why ids are random base32). */
export function newId(): Id {
  return idFromRandomBytes(randomBytes(ID_BYTES));
}
