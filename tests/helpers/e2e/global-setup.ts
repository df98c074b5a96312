import { ensureBuilt } from './build'

/** Vitest global setup of the e2e project: one build shared by every journey. */
export default function setup(): void {
  ensureBuilt()
}
