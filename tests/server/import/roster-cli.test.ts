import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeRegisterXlsx } from '../../../sync-server/import/roster-write'
import { createSqliteStore } from '../../../sync-server/storage/sqlite-store'
import { messyRegister } from '../../helpers/server/roster-messy'

const ROOT = join(import.meta.dirname, '../../..')

describe('npm run import:roster (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'))
  const db = join(dir, 'gridsister.db')
  const file = join(dir, '台账.xlsx')
  const gridId = randomUUID()
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'sync-server/import-roster-cli.ts'), ...args], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: db, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000,
    })

  beforeAll(async () => {
    const store = createSqliteStore(db)
    await store.migrate()
    const communityId = randomUUID()
    await store.insertCommunity({ id: communityId, name: '新华社区', district: '', street: '' })
    await store.insertGrid({ id: gridId, communityId, name: '第一网格', code: '', estates: ['幸福小区', '和平里'], workerId: null })
    await store.close()
    writeFileSync(file, await writeRegisterXlsx(messyRegister()))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints the dry-run report in Chinese and writes nothing', async () => {
    const run = cli('--community', '新华社区', '--dry-run', file)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('住户：新建 3，已存在 0')
    expect(run.stdout).toContain('第 6 行 错误：身份证号被 Excel 存成了数字')
    expect(run.stdout).toContain('试导入：没有写入任何数据。')
    const store = createSqliteStore(db)
    expect(await store.countRecords()).toBe(0)
    await store.close()
  }, 90_000)

  it('imports the clean rows with --clean, then finds them all on a second run', async () => {
    const first = cli('--community', '新华社区', '--clean', file)
    expect(first.stdout).toContain('已导入。')
    expect(first.status).toBe(0)
    const again = cli('--community', '新华社区', '--clean', file)
    expect(again.stdout).toContain('成员：新建 0，已存在 5')
  }, 90_000)

  it('names a community that does not exist and shows the usage without one', () => {
    expect(cli('--community', '不存在', file).stderr).toContain('没有名为“不存在”的社区')
    expect(cli(file).stderr).toContain('用法')
  }, 90_000)
})
