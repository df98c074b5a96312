import { parseArgs } from 'node:util'
import { loadConfig, openStore } from './config'
import { generateDemo } from './seed/generate-demo'
import { loadDemo } from './seed-loader'

/**
 * `npm run seed [-- --households N]`: wipes the configured database and loads the demo
 * community; `--households 2072` gives a community of the articles' size (城东社区).
 * Refused in production (GRIDSISTER_DEMO=0 or NODE_ENV=production): it would erase real
 * data and publish accounts whose password is in the README.
 */
const { values } = parseArgs({ options: { households: { type: 'string' } }, strict: true })
const households = values.households === undefined ? undefined : Number(values.households)
if (households !== undefined && (!Number.isInteger(households) || households < 1 || households > 100_000)) {
  console.error(`[gridsister] --households 需要 1 到 100000 之间的整数，收到：${values.households}`)
  process.exit(2)
}
const config = loadConfig()
if (!config.demo) {
  console.error('[gridsister] 生产模式下不能载入演示数据（它会清空数据库）/ refusing to load the demo in production mode')
  process.exit(1)
}
const store = await openStore(config.database)
const started = Date.now()
await store.wipe()
const { records } = await loadDemo(store, generateDemo({ households }))
console.info(`[gridsister] demo loaded into ${config.database.kind}: ${records} records in ${Date.now() - started} ms`)
await store.close()
