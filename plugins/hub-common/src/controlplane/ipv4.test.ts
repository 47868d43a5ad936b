import {
  containsAddress,
  hasHostBits,
  networksOverlap,
  parseIpv4,
  parseIpv4Cidr,
} from './ipv4';

function cidr(value: string) {
  const network = parseIpv4Cidr(value);
  if (!network) throw new Error(`not a CIDR: ${value}`);
  return network;
}

describe('IPv4 networks', () => {
  it('parses dotted quads and refuses anything else', () => {
    expect(parseIpv4('10.96.0.1')).toBe(0x0a600001);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of [
      '256.0.0.1',
      '10.0.0',
      '10.0.0.01',
      'a.b.c.d',
      '::1',
      '',
    ]) {
      expect(parseIpv4(bad)).toBeUndefined();
    }
  });

  it('parses CIDRs and refuses ones without or with a bad prefix', () => {
    expect(cidr('10.244.0.0/16')).toEqual({ address: 0x0af40000, prefix: 16 });
    for (const bad of [
      '10.244.0.0',
      '10.244.0.0/33',
      '10.244.0.0/',
      '10.0.0.0/8/8',
      'fd00::/64',
    ]) {
      expect(parseIpv4Cidr(bad)).toBeUndefined();
    }
  });

  it('finds host bits beyond the prefix', () => {
    expect(hasHostBits(cidr('10.244.1.0/16'))).toBe(true);
    expect(hasHostBits(cidr('10.244.0.0/16'))).toBe(false);
    expect(hasHostBits(cidr('0.0.0.0/0'))).toBe(false);
  });

  it('finds overlapping networks in either order, and not adjacent ones', () => {
    expect(networksOverlap(cidr('10.96.0.0/12'), cidr('10.100.0.0/16'))).toBe(
      true,
    );
    expect(networksOverlap(cidr('10.100.0.0/16'), cidr('10.96.0.0/12'))).toBe(
      true,
    );
    expect(networksOverlap(cidr('10.244.0.0/16'), cidr('10.244.0.0/16'))).toBe(
      true,
    );
    expect(networksOverlap(cidr('10.96.0.0/12'), cidr('10.112.0.0/12'))).toBe(
      false,
    );
    expect(networksOverlap(cidr('10.244.0.0/16'), cidr('10.96.0.0/12'))).toBe(
      false,
    );
  });

  it('tells whether an address is in a network', () => {
    expect(
      containsAddress(cidr('10.96.0.0/12'), parseIpv4('10.111.255.255')!),
    ).toBe(true);
    expect(
      containsAddress(cidr('10.96.0.0/12'), parseIpv4('10.112.0.0')!),
    ).toBe(false);
  });
});
