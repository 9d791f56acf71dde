/** A 1-based line and column (columns count Unicode code points, as @confiture/sql does). */
export interface LineColumn {
  line: number;
  column: number;
}

/** Maps string offsets of one source to lines and columns. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly source: string) {
    for (let offset = 0; offset < source.length; offset++) {
      const code = source.charCodeAt(offset);
      if (code === 10) this.lineStarts.push(offset + 1);
      else if (code === 13 && source.charCodeAt(offset + 1) !== 10) this.lineStarts.push(offset + 1);
    }
  }

  /** The line and column of a string offset. */
  locate(offset: number): LineColumn {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const start = this.lineStarts[low]!;
    let column = 1;
    for (let index = start; index < offset && index < this.source.length; index++) {
      const code = this.source.charCodeAt(index);
      // A low surrogate continues the previous code point.
      if (code < 0xdc00 || code > 0xdfff) column++;
    }
    return { line: low + 1, column };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[line];
    return this.source.slice(start, next === undefined ? this.source.length : next).replace(/\r?\n$|\r$/, "");
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
