// The build-time flag the device database reads (src/db/db.ts). The app's typecheck has
// all of Vite's types (src/env.d.ts); the Node typecheck (tsconfig.node.json) reaches
// src/db through the simulation's imports and only needs this one.
interface ImportMetaEnv {
  readonly DEV: boolean
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
