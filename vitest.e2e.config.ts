import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

// Browser journeys in real headless Chromium; they share one built app, so run in sequence.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
