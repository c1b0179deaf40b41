// Builds the React renderer (src-renderer/) into dist/renderer, which both hosts serve:
// Electron loads dist/renderer/index.html from disk (hence relative asset paths, base './'),
// the web host serves the same folder on 127.0.0.1 under a strict Content Security Policy.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // Nothing from the environment reaches the renderer.
  envPrefix: 'KTP_RENDERER_',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // The bundle is loaded from disk or loopback, never over a network: one chunk is fine.
    chunkSizeWarningLimit: 1500,
  },
});
