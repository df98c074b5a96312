/** The installed-app feature: update prompt, install button, persistent storage. */
export { default as PwaShell } from './PwaShell.vue'
export { default as UpdatePrompt } from './UpdatePrompt.vue'
export { default as InstallButton } from './InstallButton.vue'
export { captureInstallPrompt, useInstallPrompt } from './install-prompt'
export { requestPersistentStorage, usePersistentStorage } from './persistent-storage'
export { useServiceWorker } from './useServiceWorker'
