// lunar-javascript ships no types; this declares the small part the app and the demo generator use.
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
