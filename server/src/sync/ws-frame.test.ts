import { describe, expect, it } from 'vitest';
import * as ws from 'ws';

// ws exports its frame encoder at runtime; its type definitions do not declare it.
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };
import { encodeBinaryFrame } from './ws-frame.ts';

/** What ws itself would put on the wire for the same payload. */
function wsFrame(payload: Uint8Array): Buffer {
  const parts = Sender.frame(Buffer.from(payload), { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false });
  return Buffer.concat(parts);
}

describe('encodeBinaryFrame', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])('matches ws for a %i-byte payload', (size) => {
    const payload = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
    expect(encodeBinaryFrame(payload).equals(wsFrame(payload))).toBe(true);
  });
});
