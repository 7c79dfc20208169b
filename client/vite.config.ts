import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiServer = 'http://localhost:3000';

/** The client build; in development the API, health check and realtime socket come from the local server. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/socket.io': { target: apiServer, ws: true },
    },
  },
});
