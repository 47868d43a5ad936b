const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// A Kubernetes resource.Quantity: a signed decimal number, then a binary suffix, a
// decimal suffix or a decimal exponent. 'E' alone is exa; 'E3' or 'e3' is an exponent.
const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|([KMGTPE]i)|([numkMGTPE]?))$/;

/**
 * Parses a Kubernetes quantity ('8', '7500m', '32Gi', '33554432Ki', '1e3') into its
 * value in base units (cores for CPU, bytes for memory).
 */
export function parseQuantity(quantity: string): number {
  const match = QUANTITY.exec(quantity.trim());
  if (!match) {
    throw new Error(`"${quantity}" is not a Kubernetes quantity`);
  }
  const [, number, exponent, binary, decimal] = match;
  const value = Number(number);
  if (exponent) {
    return value * 10 ** Number(exponent.slice(1));
  }
  if (binary) {
    return value * BINARY_SUFFIXES[binary];
  }
  return value * DECIMAL_SUFFIXES[decimal ?? ''];
}

/** Bytes as GiB, rounded to two decimals for messages. */
export function toGi(bytes: number): number {
  return Math.round((bytes / 2 ** 30) * 100) / 100;
}
