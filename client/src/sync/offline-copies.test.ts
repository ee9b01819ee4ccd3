import { describe, expect, it } from 'vitest';
import { offlineStoreName, storesOf } from './offline-copies.ts';

describe('offline copies', () => {
  it("picks only the account's own stores, not another account's whose id starts the same", () => {
    const names = [offlineStoreName('abc', 'ami-1.board-2'), offlineStoreName('abcd', 'ami-1.board-2'), offlineStoreName('abc', 'ami-3.board-4'), 'other-app'];
    expect(storesOf(names, 'abc')).toEqual(['eprouvette:abc:ami-1.board-2', 'eprouvette:abc:ami-3.board-4']);
  });
});
