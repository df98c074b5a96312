import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

// Browser journeys in real headless Chromium against the real sync server. They share
// one build (made by the global setup unless dist/ is fresh) and run in sequence: each
// file starts its own server and phone, and the machine has two cores.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/helpers/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
