import type { WorkboxLike } from '@/features/pwa/useServiceWorker'

type Listener = (event: { isUpdate?: boolean }) => void

/** A stand-in for workbox-window's Workbox: the test fires its lifecycle events. */
export class FakeWorkbox implements WorkboxLike {
  readonly listeners = new Map<string, Listener[]>()
  registered = 0
  updates = 0
  skipWaitingMessages = 0
  registerError: Error | null = null

  addEventListener(type: 'waiting' | 'controlling', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  async register(): Promise<void> {
    this.registered++
    if (this.registerError) throw this.registerError
  }

  async update(): Promise<void> {
    this.updates++
  }

  messageSkipWaiting(): void {
    this.skipWaitingMessages++
  }

  emit(type: 'waiting' | 'controlling', event: { isUpdate?: boolean } = {}): void {
    for (const l of this.listeners.get(type) ?? []) l(event)
  }
}
