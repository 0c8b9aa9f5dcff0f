/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// No React plugin: esbuild compiles TSX with the automatic JSX runtime, which is all the build
// needs (the plugin only adds hot reload). The build lands where Spring Boot serves static files
// from a jar (META-INF/resources), so portal-bff serves it by depending on this module.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    // npm run dev: the BFF on 8080 answers the API.
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
