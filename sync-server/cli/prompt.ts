import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/**
 * Asks one question on the terminal. With `secret`, what is typed is not echoed (a
 * password must not stay on the screen or in a terminal recording).
 */
export function ask(question: string, opts: { secret?: boolean } = {}): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stdout.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY === true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      if (opts.secret) process.stdout.write('\n')
      resolve(answer)
    })
    muted = opts.secret === true
  })
}
