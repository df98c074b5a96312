import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The layer rules of eslint.config.js catch what they promise: each fixture under
 * tests/fixtures/lint/ is linted as if it stood at the same path in the app, and the
 * deliberate violations are reported while their compliant neighbours pass.
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
const fixtures = join(root, 'tests/fixtures/lint')
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax'])

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/** The layer-rule messages of a fixture linted at its place in the app. */
async function layerErrors(path: string): Promise<string[]> {
  const [result] = await eslint.lintText(readFileSync(join(fixtures, path), 'utf8'), { filePath: join(root, path) })
  expect(result?.messages.filter((m) => m.fatal)).toEqual([])
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message)
}

describe('eslint layer rules', () => {
  it.each([
    ['src/shared/imports-vue.ts', 'src/shared imports only zod'],
    ['src/shared/imports-the-device-db.ts', 'src/shared imports only zod'],
    ['src/shared/rules/imports-through-the-alias.ts', 'src/shared imports only zod'],
    ['src/shared/loads-at-run-time.ts', 'src/shared loads nothing at run time'],
    ['src/db/imports-a-feature.ts', 'never imports a feature'],
    ['src/db/re-exports-a-feature.ts', 'never imports a feature'],
    ['src/sync/imports-a-feature-relatively.ts', 'never imports a feature'],
    ['sync-server/sync/imports-a-feature.ts', 'never imports a feature'],
  ])('reports the deliberate violation in %s', async (path, why) => {
    const errors = await layerErrors(path)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(why)
  })

  it.each([
    'src/shared/rules/imports-zod-and-its-own-files.ts',
    'src/sync/imports-db-and-shared.ts',
    'sync-server/sync/imports-shared.ts',
  ])('lets %s import what its layer may', async (path) => {
    expect(await layerErrors(path)).toEqual([])
  })
})
