import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `npm run serve` / `npm run dev:server` listens by default. */
const serverTarget = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: serverTarget },
      '/sync': { target: serverTarget, ws: true },
    },
  },
});
