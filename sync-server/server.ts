import { buildApp } from './app'
import { loadConfig, openStore } from './config'
import { isEmpty, loadDemo } from './seed-loader'

/**
 * Starts the server: opens and migrates the database, loads the demo community on a
 * first start (unless GRIDSISTER_DEMO=0), and listens. Everything else is in app.ts.
 */
const config = loadConfig()
const store = await openStore(config.database)
const empty = await isEmpty(store)
const demo = config.demo ?? (empty || (await store.findUserByUsername('demo-admin')) !== null)
if (empty && demo) {
  const started = Date.now()
  // Imported only here: the generator (and faker) is not needed on later starts.
  const { generateDemo } = await import('./seed/generate-demo')
  const { records } = await loadDemo(store, generateDemo())
  console.info(`[gridsister] demo community loaded: ${records} records in ${Date.now() - started} ms`)
}

const app = await buildApp({ store, demo, staticDir: config.staticDir, logger: { level: config.logLevel } })
const shutdown = async () => {
  await app.close()
  await store.close()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
await app.listen({ port: config.port, host: config.host })
