// Builds the citizen portal and staff console into web/dist, which the Fastify server serves at `/`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    // `npm run dev:web` talks to a server started with `npm start` (port 3000).
    proxy: { '/api': 'http://localhost:3000' },
  },
});
