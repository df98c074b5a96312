// lunar-javascript ships no types; this declares the small part the demo generator uses
// (the same subset as src/features/today/lunar-javascript.d.ts, for the server project).
declare module 'lunar-javascript' {
  interface Solar {
    getYear(): number
    getMonth(): number
    getDay(): number
    toYmd(): string
  }
  interface Lunar {
    getSolar(): Solar
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): Lunar }
}
