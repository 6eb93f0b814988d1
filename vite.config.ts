import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The SPA lives in src/web and builds to dist/web, which the server serves (src/server/static.ts). */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:7700' },
  },
});
