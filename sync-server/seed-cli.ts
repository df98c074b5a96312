import { loadConfig, openStore } from './config'
import { generateDemo } from './seed/generate-demo'
import { loadDemo } from './seed-loader'

/** `npm run seed`: wipes the configured database and loads the demo community. */
const config = loadConfig()
const store = await openStore(config.database)
const started = Date.now()
await store.wipe()
const { records } = await loadDemo(store, generateDemo())
console.info(`[gridsister] demo loaded into ${config.database.kind}: ${records} records in ${Date.now() - started} ms`)
await store.close()
