import type { SourcePosition } from "./types.js";

/**
 * A source file with the conversions the parser needs: libpg-query reports UTF-8 byte offsets,
 * JavaScript strings index UTF-16 code units, and people read 1-based lines and code-point columns.
 * Line breaks are `\n`, `\r\n` and a lone `\r`.
 */
export class SourceText {
  readonly text: string;
  readonly byteLength: number;
  private readonly lineStarts: number[];
  /** Byte offset -> string offset; undefined when the text is ASCII and both are equal. */
  private readonly byteToString: Int32Array | undefined;
  /** Without surrogate pairs every UTF-16 unit is one code point, so columns are plain differences. */
  private readonly hasSurrogates: boolean;

  constructor(text: string) {
    this.text = text;
    this.lineStarts = lineStartsOf(text);
    this.byteLength = Buffer.byteLength(text, "utf8");
    this.byteToString = this.byteLength === text.length ? undefined : byteMap(text, this.byteLength);
    this.hasSurrogates = this.byteToString !== undefined && containsSurrogate(text);
  }

  /** The string offset of a UTF-8 byte offset (clamped to the text). */
  offsetOfByte(byteOffset: number): number {
    const clamped = Math.max(0, Math.min(byteOffset, this.byteLength));
    return this.byteToString === undefined ? clamped : (this.byteToString[clamped] ?? this.text.length);
  }

  /** The 1-based line and code-point column of a string offset. */
  positionOf(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const lineIndex = lineIndexOf(this.lineStarts, clamped);
    const lineStart = this.lineStarts[lineIndex] ?? 0;
    const column = this.hasSurrogates ? codePointCount(this.text, lineStart, clamped) : clamped - lineStart;
    return { offset: clamped, line: lineIndex + 1, column: column + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) starts.push(index + 1);
  }
  return starts;
}

function lineIndexOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Code points in text[start, end): every UTF-16 unit except the low half of a surrogate pair. */
function codePointCount(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff && index > start && isHighSurrogate(text.charCodeAt(index - 1));
    if (!isLowSurrogate) count++;
  }
  return count;
}

function containsSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function byteMap(text: string, byteLength: number): Int32Array {
  const map = new Int32Array(byteLength + 1);
  let byte = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    const bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    // Lone surrogates are encoded by Buffer as U+FFFD (3 bytes); codePointAt returns them as themselves (< 0x10000): 3 bytes too.
    for (let step = 0; step < bytes; step++) map[byte + step] = index;
    byte += bytes;
    index += units;
  }
  map[byteLength] = text.length;
  return map;
}

/** The string offset after the first `codePoints` code points of `text` (PostgreSQL reports error positions in code points). */
export function offsetOfCodePoints(text: string, codePoints: number): number {
  let offset = 0;
  for (let count = 0; count < codePoints && offset < text.length; count++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}
