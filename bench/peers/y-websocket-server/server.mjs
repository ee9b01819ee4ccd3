// Launcher for the reference server (@y/websocket-server 0.1.1) in bench/sync. Uses the package's
// exported setupWSConnection exactly as its own bin does (http server + ws with noServer), but on
// 127.0.0.1 and port 0, and prints the port for the orchestrator. No persistence is configured (the
// bin's default), so documents stay in memory after their last client leaves.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(0, '127.0.0.1', () => {
  console.log(`BENCH_LISTENING ${server.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
