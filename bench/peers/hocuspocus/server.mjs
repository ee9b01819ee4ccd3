// Launcher for @hocuspocus/server 3.4.4 in bench/sync: the stock Server with no extension (no
// persistence, default debounce and unloadImmediately), on 127.0.0.1 and port 0; prints the port.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
console.log(`BENCH_LISTENING ${server.address.port}`);
