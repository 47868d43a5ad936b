/** An IPv4 network: its first address as an unsigned 32-bit number and its prefix length. */
export interface Ipv4Network {
  address: number;
  prefix: number;
}

const OCTETS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The address as a number, or undefined when it is not a dotted-quad IPv4 address. */
export function parseIpv4(value: string): number | undefined {
  const match = OCTETS.exec(value);
  if (!match) {
    return undefined;
  }
  const octets = match.slice(1).map(Number);
  if (
    octets.some(
      (octet, i) =>
        octet > 255 ||
        (match[i + 1].length > 1 && match[i + 1].startsWith('0')),
    )
  ) {
    return undefined;
  }
  return octets.reduce((sum, octet) => sum * 256 + octet, 0);
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** `a.b.c.d/n`, or undefined when the text is not an IPv4 CIDR. Host bits are kept, for hostBits. */
export function parseIpv4Cidr(value: string): Ipv4Network | undefined {
  const [ip, prefixText, ...rest] = value.split('/');
  if (
    rest.length > 0 ||
    prefixText === undefined ||
    !/^\d{1,2}$/.test(prefixText)
  ) {
    return undefined;
  }
  const address = parseIpv4(ip);
  const prefix = Number(prefixText);
  if (address === undefined || prefix > 32) {
    return undefined;
  }
  return { address, prefix };
}

/** Whether the address has bits set beyond the prefix (10.244.1.0/16). */
export function hasHostBits({ address, prefix }: Ipv4Network): boolean {
  return (address & ~mask(prefix)) >>> 0 !== 0;
}

/** Whether the address lies in the network. */
export function containsAddress(
  network: Ipv4Network,
  address: number,
): boolean {
  const m = mask(network.prefix);
  return (address & m) >>> 0 === (network.address & m) >>> 0;
}

/** Whether two networks share an address: one then contains the other's first address. */
export function networksOverlap(a: Ipv4Network, b: Ipv4Network): boolean {
  const shorter = a.prefix <= b.prefix ? a : b;
  const longer = shorter === a ? b : a;
  return containsAddress(shorter, longer.address);
}
