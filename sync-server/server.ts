import { buildApp } from './app'
import { pruneAudit } from './audit/audit-retention'
import { pruneThrottle } from './auth/login-throttle'
import { loadConfig, openStore } from './config'
import { loadDemo } from './seed-loader'
import { planStart } from './startup'

/**
 * Starts the server: opens and migrates the database, decides what this start may do
 * with it (startup.ts: the demo loads only in demo mode; production refuses an empty
 * database or one holding the demo accounts), prunes old audit entries and login counters
 * (daily after that), and listens. Everything else is in app.ts.
 */
const DAY_MS = 24 * 3600 * 1000
const config = loadConfig()
const store = await openStore(config.database)
const plan = await planStart(store, config.demo)
if (plan.action === 'refuse') {
  console.error(`[gridsister] ${plan.message}`)
  await store.close()
  process.exit(1)
}
if (plan.action === 'load-demo') {
  const started = Date.now()
  // Imported only here: the generator (and faker) is not needed on later starts.
  const { generateDemo } = await import('./seed/generate-demo')
  const { records } = await loadDemo(store, generateDemo())
  console.info(`[gridsister] demo community loaded: ${records} records in ${Date.now() - started} ms`)
}
const prune = () =>
  Promise.all([pruneAudit(store, Date.now(), config.auditRetentionDays), pruneThrottle(store, Date.now())]).catch((err: Error) =>
    console.error(`[gridsister] pruning the audit log or login counters failed: ${err.message}`),
  )
await prune()
const pruner = setInterval(prune, DAY_MS)
pruner.unref()

const app = await buildApp({
  store, demo: config.demo, staticDir: config.staticDir, logger: { level: config.logLevel },
  trustProxy: config.trustProxy, hsts: config.hsts,
})
const shutdown = async () => {
  clearInterval(pruner)
  await app.close()
  await store.close()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
await app.listen({ port: config.port, host: config.host })
