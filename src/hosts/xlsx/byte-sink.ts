/**
 * UTF-8 bytes written piece by piece. A generated sheet of a 50,000-row ledger is ~15 MB of
 * XML: built as one string it was held three times over (the pieces, the joined UTF-16 string,
 * its UTF-8 encoding), all in V8's heap until a full collection. Here the pieces are encoded as
 * they come into fixed blocks outside the heap, and only the finished bytes are kept.
 * Plain TextEncoder code: it runs in Node and in the browser alike.
 */

/** Characters gathered before an encode: one encodeInto per cell would cost more than the encoding. */
const PENDING_CHARS = 16 * 1024;
const BLOCK_BYTES = 1024 * 1024;

export class ByteSink {
  private readonly encoder = new TextEncoder();
  private readonly blocks: Uint8Array[] = [];
  private block = new Uint8Array(BLOCK_BYTES);
  private used = 0;
  private pending = "";

  write(text: string): void {
    if (text.length >= PENDING_CHARS) {
      // A long piece (a stretch of a patched sheet, a slice of its original) is encoded as it is, not copied first.
      this.flush();
      this.pending = text;
      this.flush();
      return;
    }
    this.pending += text;
    if (this.pending.length >= PENDING_CHARS) this.flush();
  }

  /**
   * Encodes what is pending. After it the sink holds no string it was given: a short slice of a
   * big string (the patched sheet's last piece) would otherwise keep all of that string alive.
   */
  flush(): void {
    let rest = this.pending;
    this.pending = "";
    while (rest.length > 0) {
      // encodeInto never splits a character: what does not fit goes whole into the next block.
      const { read, written } = this.encoder.encodeInto(rest, this.block.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.blocks.push(this.block.subarray(0, this.used));
      this.block = new Uint8Array(Math.max(BLOCK_BYTES, rest.length * 3));
      this.used = 0;
    }
  }

  /** Everything written, as one array of exactly its size. */
  bytes(): Uint8Array {
    this.flush();
    const blocks = [...this.blocks, this.block.subarray(0, this.used)];
    const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of blocks) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }
}
