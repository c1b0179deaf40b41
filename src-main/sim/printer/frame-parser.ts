/**
 * The device side of the escape-command framing: cuts the bytes a host sends into commands.
 * `ESC` starts a frame and `CR` ends it; a bitmap download (`Db;PANEL;LEVELS;`) is followed by
 * exactly as many raw bytes as a 648 × 1016 panel at that depth takes, then `CR`. Bytes between
 * frames (the job's NUL padding, line noise) are skipped. Written from the protocol description,
 * not from the driver's encoder, so a test through it checks the driver rather than itself.
 */

export interface ReceivedFrame {
  readonly command: string;
  readonly params: readonly string[];
  /** The raw bitmap of a `Db` download. */
  readonly data?: Uint8Array;
}

export type ParsedItem = { readonly kind: 'frame'; readonly frame: ReceivedFrame } | { readonly kind: 'bad-frame'; readonly reason: string };

const ESC = 0x1b;
const CR = 0x0d;
const MAX_COMMAND_CHARS = 256;
/** Dots of one panel: 648 a line, 1016 lines. */
const DOTS_PER_PANEL = 648 * 1016;
const BITS_OF_LEVELS: Readonly<Record<string, number>> = { '2': 1, '32': 5, '64': 6, '128': 7 };

export class FrameParser {
  private state: 'idle' | 'text' | 'data' | 'data-end' = 'idle';
  private text = '';
  private data: Uint8Array = new Uint8Array(0);
  private dataAt = 0;
  private header: { command: string; params: string[] } | null = null;

  push(chunk: Uint8Array): ParsedItem[] {
    const out: ParsedItem[] = [];
    let i = 0;
    while (i < chunk.length) {
      const b = chunk[i] ?? 0;
      if (this.state === 'idle') {
        if (b === ESC) {
          this.state = 'text';
          this.text = '';
        }
        i += 1;
      } else if (this.state === 'text') {
        i += 1;
        if (b === CR) {
          const [command = '', ...params] = this.text.split(';');
          out.push({ kind: 'frame', frame: { command, params } });
          this.state = 'idle';
        } else if (b === ESC) {
          out.push({ kind: 'bad-frame', reason: `frame cut short: ${this.text}` });
          this.text = '';
        } else if (b < 0x20 || b > 0x7e || this.text.length >= MAX_COMMAND_CHARS) {
          out.push({ kind: 'bad-frame', reason: 'not a command frame' });
          this.state = 'idle';
        } else {
          this.text += String.fromCharCode(b);
          if (b === 0x3b) this.maybeStartData(out);
        }
      } else if (this.state === 'data') {
        const take = Math.min(chunk.length - i, this.data.length - this.dataAt);
        this.data.set(chunk.subarray(i, i + take), this.dataAt);
        this.dataAt += take;
        i += take;
        if (this.dataAt === this.data.length) this.state = 'data-end';
      } else {
        i += 1;
        const header = this.header ?? { command: 'Db', params: [] };
        this.state = 'idle';
        this.header = null;
        out.push(b === CR ? { kind: 'frame', frame: { ...header, data: this.data } } : { kind: 'bad-frame', reason: 'bitmap longer than its panel' });
      }
    }
    return out;
  }

  private maybeStartData(out: ParsedItem[]): void {
    const match = /^Db;([a-z]);(\d+);$/.exec(this.text);
    if (match === null) return;
    const bits = BITS_OF_LEVELS[match[2] ?? ''];
    if (bits === undefined) {
      out.push({ kind: 'bad-frame', reason: `no panel has ${match[2]} levels` });
      this.state = 'idle';
      return;
    }
    this.header = { command: 'Db', params: [match[1] ?? '', match[2] ?? ''] };
    this.data = new Uint8Array((DOTS_PER_PANEL * bits) / 8);
    this.dataAt = 0;
    this.state = 'data';
  }
}
