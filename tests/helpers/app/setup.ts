import 'fake-indexeddb/auto'
import { ensurePinyin } from '@/db/derive'

// The app loads the pinyin dictionary on demand (src/db/derive.ts); tests that write
// households directly expect exact search text, as after the app loaded it.
await ensurePinyin()
