import { Deflate, inflateSync } from "fflate";
import type { Zlib } from "./package.js";
import { crc32, deflatePart, type DeflatedPart } from "./zip-copy.js";
import { concatBytes } from "./bytes.js";

/**
 * UTF-8 bytes written piece by piece. A generated sheet of a 50,000-row ledger is ~15 MB of
 * XML: built as one string it was held three times over (the pieces, the joined UTF-16 string,
 * its UTF-8 encoding), all in V8's heap until a full collection. Here the pieces are encoded as
 * they come into fixed blocks outside the heap.
 *
 * A deflating sink (`new ByteSink(zlib)`) goes one step further: each block is compressed as soon
 * as it is full and the block reused, so the part never exists uncompressed as a whole (the
 * copy's parts then cost their compressed size, a tenth, and no allocator churn of 20 MB buffers).
 * Plain TextEncoder and fflate code: it runs in Node and in the browser alike.
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
  private readonly deflater: SegmentDeflater | null;
  /** Set for a sink of Latin-1 text (Zlib.latin1): each character is written as the one byte it stands for. */
  readonly latin1: Zlib["latin1"];

  constructor(deflating?: Zlib, options: { latin1?: Zlib["latin1"] } = {}) {
    this.deflater = deflating ? new SegmentDeflater(deflating) : null;
    this.latin1 = options.latin1;
  }

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
      const dest = this.block.subarray(this.used);
      const { read, written } = this.latin1
        ? oneToOne(this.latin1.encodeInto(rest, dest))
        : this.encoder.encodeInto(rest, dest);
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.spill();
    }
  }

  /** A full block: compressed (and the block reused), or kept. */
  private spill(): void {
    if (this.deflater) this.deflater.push(this.block.subarray(0, this.used), false);
    else {
      this.blocks.push(this.block.subarray(0, this.used));
      this.block = new Uint8Array(BLOCK_BYTES);
    }
    this.used = 0;
  }

  /** Everything written, as one array of exactly its size (for a deflating sink, inflated again). Ends the sink. */
  bytes(): Uint8Array {
    if (this.deflater) {
      const part = this.deflated();
      return this.deflater.inflate(part);
    }
    this.flush();
    return concatBytes([...this.blocks, this.block.subarray(0, this.used)]);
  }

  /** Everything written, compressed as the copy stores it. Ends the sink. */
  deflated(zlib: Zlib = {}): DeflatedPart {
    if (!this.deflater) return deflatePart(this.bytes(), zlib);
    this.flush();
    this.deflater.push(this.block.subarray(0, this.used), true);
    return this.deflater.finish();
  }
}

function oneToOne(n: number): { read: number; written: number } {
  return { read: n, written: n };
}

/** Deflate's window: what a segment may refer back to in the ones before it. */
const WINDOW = 32 * 1024;

/**
 * One raw deflate stream made a block at a time. With the host's zlib each block is a segment
 * of its own ending in a sync flush, given the previous 32 KB as its dictionary, so that the
 * segments joined are one stream compressed as well as in one go (pigz does the same); fflate
 * streams natively.
 */
class SegmentDeflater {
  private readonly out: Uint8Array[] = [];
  private crc = 0;
  private size = 0;
  private dictionary: Uint8Array | undefined;
  private stream: Deflate | undefined;

  constructor(private readonly zlib: Zlib) {}

  push(data: Uint8Array, last: boolean): void {
    this.crc = this.zlib.crc32 ? this.zlib.crc32(data, this.crc) : crc32(data, this.crc);
    this.size += data.length;
    if (this.zlib.deflateRaw) {
      this.out.push(this.zlib.deflateRaw(data, { more: !last, dictionary: this.dictionary }));
      // A copy: the block is written over next.
      this.dictionary = data.slice(Math.max(0, data.length - WINDOW));
      return;
    }
    this.stream ??= new Deflate({ level: 1 }, (chunk) => this.out.push(chunk));
    this.stream.push(data.slice(), last);
  }

  finish(): DeflatedPart {
    return { deflated: concatBytes(this.out), crc32: this.crc, size: this.size };
  }

  inflate(part: DeflatedPart): Uint8Array {
    return this.zlib.inflateRaw
      ? this.zlib.inflateRaw(part.deflated, part.size)
      : inflateSync(part.deflated, { out: new Uint8Array(part.size) });
  }
}
