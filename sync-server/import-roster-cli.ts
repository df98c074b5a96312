import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig, openStore } from './config'
import { createServerClock } from './context'
import { readRoster, RosterReadError } from './import/roster-read'
import { reportText } from './import/roster-report-text'
import { runRoster } from './import/roster-service'

/**
 * `npm run import:roster -- --community <name> [--dry-run] [--clean] FILE`: imports a
 * household register into a community of the configured database (DATABASE_URL), with
 * the same checks and report as the console. Exit code 0 when imported (or a dry run
 * without errors), 1 otherwise.
 */
const USAGE = '用法：npm run import:roster -- --community <社区名称> [--dry-run] [--clean] 文件.xlsx|文件.csv'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { community: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, clean: { type: 'boolean', default: false } },
})
const file = positionals[0]
if (!values.community || !file) {
  console.error(USAGE)
  process.exit(2)
}
const store = await openStore(loadConfig().database)
try {
  const community = (await store.listCommunities()).find((c) => c.name === values.community)
  if (!community) throw new RosterReadError(`没有名为“${values.community}”的社区`)
  const cells = await readRoster(file, await readFile(file))
  const dryRun = values['dry-run']
  const report = await runRoster(store, {
    communityId: community.id, fileName: basename(file), cells, mode: values.clean ? 'clean' : 'all', dryRun,
    hlc: createServerClock(Date.now), now: Date.now(),
  })
  if (report.imported) await store.audit({ userId: null, action: 'roster-import', communityId: community.id, detail: { communityId: community.id, households: report.households.create, persons: report.persons.create, via: 'cli' } })
  console.info(reportText(report, dryRun))
  process.exitCode = report.imported || (dryRun && report.errorRows === 0) ? 0 : 1
} catch (err) {
  if (!(err instanceof RosterReadError)) throw err
  console.error(err.message)
  process.exitCode = 1
} finally {
  await store.close()
}
