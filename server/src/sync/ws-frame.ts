/**
 * A server-to-client WebSocket binary frame (RFC 6455 §5.2: FIN, opcode 2, unmasked), built once
 * per broadcast so that sending one update to a thousand sockets costs a thousand socket writes
 * and nothing else — no per-socket header, copy or cork/uncork as `ws.send` does.
 */
export function encodeBinaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
