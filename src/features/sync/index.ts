/** The sync feature's public surface for the screens (the router takes its route from sync-route.ts). */
export { default as SyncStatusBar } from './SyncStatusBar.vue'
export { useSyncStore, type SyncState } from './sync-store'
export { usePhotoStore } from './photo-store'
