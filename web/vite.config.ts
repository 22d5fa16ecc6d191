// Builds the console into web/dist, which `setu serve` serves at / (src/web). Run from the
// repository root by `npm run build:web`; the browser test builds it the same way.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export const consoleConfig = defineConfig({
  root,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
  },
});

// Vite reads a config file's default export (the one default export in the repository, for that reason).
export default consoleConfig;
