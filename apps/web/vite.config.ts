import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

// The api serves dist/web at `/`; in development Vite proxies the api's paths to it.
const API = process.env.LIFELONG_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Hashed file names under /assets: the api caches them for a year.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': API,
      // The api's verification page; `/verify` itself is the app's form.
      '^/verify/.+': API,
      '/health': API,
      '/.well-known': API,
    },
  },
});
