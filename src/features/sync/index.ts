/** The sync feature's public surface for the app shell (router, Today screen). */
export { default as SyncStatusBar } from './SyncStatusBar.vue'
export { useSyncStore, type SyncState } from './sync-store'
export { syncRoute } from './sync-route'
