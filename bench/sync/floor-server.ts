/**
 * The physical floor of the sync benchmark ("bare loop"): a minimal y-websocket-protocol server that
 * applies each update to one Y.Doc per path and forwards the very frame it received to every other
 * socket. No persistence, no validation, no batching, no awareness bookkeeping: what any real
 * server must at least pay for the same traffic on the same sockets. For joins (join-large) it
 * encodes the full state once per document version and sends those same bytes to every joiner with
 * an empty document: the least a server can do to hand out a large document.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

interface Room {
  doc: Y.Doc;
  sockets: Set<WebSocket>;
  /** SyncStep2 message with the whole state, for clients that have nothing; reset by any update. */
  fullState: Uint8Array | null;
}

const rooms = new Map<string, Room>();
const server = http.createServer((_request, response) => {
  response.writeHead(200);
  response.end('floor');
});
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, request.url ?? '/'));
});

function onConnection(ws: WebSocket, path: string): void {
  let room = rooms.get(path);
  if (!room) {
    const created: Room = { doc: new Y.Doc(), sockets: new Set(), fullState: null };
    // Only a real change invalidates the cached state (Yjs emits no event for an empty update, such
    // as every joiner's SyncStep2).
    created.doc.on('update', () => {
      created.fullState = null;
    });
    room = created;
    rooms.set(path, room);
  }
  const current = room;
  current.sockets.add(ws);
  // The stock client is synced once it gets SyncStep2; send our SyncStep1 so it answers with its state.
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, 0);
  encoding.writeVarUint(step1, 0);
  encoding.writeVarUint8Array(step1, Y.encodeStateVector(current.doc));
  ws.send(encoding.toUint8Array(step1));

  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === 1) {
      forward(current, ws, data); // awareness: forward as is
      return;
    }
    if (type !== 0) return;
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === 0) {
      const empty = payload.length === 1 && payload[0] === 0;
      if (empty && current.fullState) {
        ws.send(current.fullState);
        return;
      }
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      encoding.writeVarUint(reply, 1);
      encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(current.doc, payload));
      const message = encoding.toUint8Array(reply);
      if (empty) current.fullState = message;
      ws.send(message);
      return;
    }
    Y.applyUpdate(current.doc, payload);
    if (step === 2) forward(current, ws, data);
  });
  ws.on('close', () => {
    current.sockets.delete(ws);
  });
}

function forward(room: Room, from: WebSocket, frame: Buffer): void {
  for (const socket of room.sockets) {
    if (socket !== from && socket.readyState === socket.OPEN) socket.send(frame);
  }
}

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`BENCH_LISTENING ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
