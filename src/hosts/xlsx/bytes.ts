/** The pieces one after the other in one array (`total`: their summed length, when known). */
export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  if (chunks.length === 1 && (total === undefined || total === chunks[0]!.length)) return chunks[0]!;
  const out = new Uint8Array(total ?? chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
