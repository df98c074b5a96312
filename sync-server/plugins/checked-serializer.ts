import { ResponseSerializationError } from 'fastify-type-provider-zod'
import { z } from 'zod'

/**
 * A reply serializer that checks the reply against its zod schema by *parsing* it, then
 * writes the parsed value as JSON: a reply that does not match its schema still fails
 * (500 `internal`, via the error handler) and keys outside the schema are still dropped.
 *
 * fastify-type-provider-zod's serializer *encodes* instead (zod's backward direction),
 * which runs every check twice, a check-free canary pass first: for a push reply of
 * 1,000 results, 1.9 ms against 0.5 ms for the parse (warm, on the bench machine).
 * Only for schemas without codecs, transforms or defaults, where both give the same value.
 */
export function checkedSerializer({ schema, method, url }: { schema: unknown; method: string; url: string }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) throw new TypeError(`${method} ${url}: the reply schema is not a zod schema`)
  return (data) => {
    const result = schema.safeParse(data)
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error })
    return JSON.stringify(result.data)
  }
}
