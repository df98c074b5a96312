import { loadConfig, openStore } from './config'
import { generateDemo } from './seed/generate-demo'
import { loadDemo } from './seed-loader'

/**
 * `npm run seed`: wipes the configured database and loads the demo community. Refused in
 * production (GRIDSISTER_DEMO=0 or NODE_ENV=production): it would erase real data and
 * publish accounts whose password is in the README.
 */
const config = loadConfig()
if (!config.demo) {
  console.error('[gridsister] 生产模式下不能载入演示数据（它会清空数据库）/ refusing to load the demo in production mode')
  process.exit(1)
}
const store = await openStore(config.database)
const started = Date.now()
await store.wipe()
const { records } = await loadDemo(store, generateDemo())
console.info(`[gridsister] demo loaded into ${config.database.kind}: ${records} records in ${Date.now() - started} ms`)
await store.close()
