import { computed, ref, shallowRef, type ComputedRef } from 'vue'

/**
 * The browser's offer to install the app. Chromium fires `beforeinstallprompt` once,
 * early, whatever page is showing, so it is captured at start-up (`captureInstallPrompt`)
 * and kept until the settings page offers the install button.
 */

/** Chromium's event; not in the DOM typings. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

export type InstallState = 'unavailable' | 'available' | 'installing' | 'installed'

/** The part of `window` used here (tests pass a fake). */
export interface InstallTarget {
  addEventListener(type: string, listener: (event: Event) => void): void
  matchMedia?(query: string): { matches: boolean }
}

export interface InstallPrompt {
  state: ComputedRef<InstallState>
  /** Shows the browser's install dialog; resolves with what the person chose. */
  install: () => Promise<'accepted' | 'dismissed' | 'unavailable'>
}

/** Listens on `target` for the install offer and for the app being installed. */
export function createInstallPrompt(target: InstallTarget): InstallPrompt {
  const offer = shallowRef<BeforeInstallPromptEvent | null>(null)
  const installing = ref(false)
  const installed = ref(Boolean(target.matchMedia?.('(display-mode: standalone)').matches))

  target.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's mini-infobar away: the app offers its own button.
    event.preventDefault()
    offer.value = event as BeforeInstallPromptEvent
  })
  target.addEventListener('appinstalled', () => {
    installed.value = true
    offer.value = null
  })

  const state = computed<InstallState>(() => {
    if (installed.value) return 'installed'
    if (installing.value) return 'installing'
    return offer.value ? 'available' : 'unavailable'
  })

  async function install(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
    const event = offer.value
    if (!event) return 'unavailable'
    installing.value = true
    try {
      await event.prompt()
      const { outcome } = await event.userChoice
      // The event can be used once; a dismissed offer may come again later.
      offer.value = null
      if (outcome === 'accepted') installed.value = true
      return outcome
    } finally {
      installing.value = false
    }
  }

  return { state, install }
}

let shared: InstallPrompt | null = null

/** Starts listening on the window; call once at start-up. */
export function captureInstallPrompt(target: InstallTarget = window): InstallPrompt {
  shared ??= createInstallPrompt(target)
  return shared
}

/** The install offer captured at start-up. */
export function useInstallPrompt(): InstallPrompt {
  return captureInstallPrompt()
}
