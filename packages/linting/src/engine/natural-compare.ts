const chunks = /(\d+)|(\D+)/g;

/**
 * Compares names the way people number migrations: runs of digits as numbers (`v1.9` before `v1.10`,
 * `delta/17` before `delta/100`), the rest as strings; equal numbers fall back to the plain strings.
 */
export function naturalCompare(left: string, right: string): number {
  if (left === right) return 0;
  const a = left.match(chunks) ?? [];
  const b = right.match(chunks) ?? [];
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const x = a[index]!;
    const y = b[index]!;
    if (x === y) continue;
    const xDigits = /^\d/.test(x);
    const yDigits = /^\d/.test(y);
    if (xDigits && yDigits) {
      const xNumber = x.replace(/^0+(?=\d)/, "");
      const yNumber = y.replace(/^0+(?=\d)/, "");
      if (xNumber.length !== yNumber.length) return xNumber.length - yNumber.length;
      if (xNumber !== yNumber) return xNumber < yNumber ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (a.length !== b.length) return a.length - b.length;
  return left < right ? -1 : 1;
}
