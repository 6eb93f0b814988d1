import { isIPv4, isIPv6 } from 'node:net';

/** Why Paved will not connect to an address, or null when the address is public. */
export interface Refusal {
  /** Reads after the address: "127.0.0.1 is a loopback address". */
  what: string;
  /** Cloud metadata endpoints hand out credentials: refused even when private destinations are allowed. */
  always: boolean;
}

interface Range {
  net: bigint;
  prefix: number;
  what: string;
  always?: boolean;
  /** IPv6 ranges that carry an IPv4 address in their low bits (mapped, NAT64): judged by that address. */
  embedsV4At?: number;
}

function v4Value(ip: string): bigint {
  return ip.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

function v6Value(ip: string): bigint {
  let text = ip.split('%')[0] ?? ip; // a zone (fe80::1%eth0) is not part of the address
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const v4 = v4Value(dotted);
    text = `${text.slice(0, -dotted.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

const v4 = (cidr: string, what: string, always = false): Range => {
  const [ip = '', prefix = '32'] = cidr.split('/');
  return { net: v4Value(ip), prefix: Number(prefix), what, always };
};
const v6 = (cidr: string, what: string, extra: Partial<Range> = {}): Range => {
  const [ip = '', prefix = '128'] = cidr.split('/');
  return { net: v6Value(ip), prefix: Number(prefix), what, ...extra };
};

const PRIVATE = 'a private address';
const RESERVED = 'a reserved address';

// First match wins: the metadata addresses sit inside the link-local and private ranges.
const V4_RANGES: Range[] = [
  v4('169.254.169.254/32', 'the cloud metadata address', true),
  v4('0.0.0.0/8', 'an unspecified address'),
  v4('127.0.0.0/8', 'a loopback address'),
  v4('10.0.0.0/8', PRIVATE),
  v4('172.16.0.0/12', PRIVATE),
  v4('192.168.0.0/16', PRIVATE),
  v4('100.64.0.0/10', 'a shared (carrier-grade NAT) address'),
  v4('169.254.0.0/16', 'a link-local address'),
  v4('192.0.0.0/24', RESERVED),
  v4('198.18.0.0/15', RESERVED),
  v4('224.0.0.0/4', 'a multicast address'),
  v4('240.0.0.0/4', RESERVED),
];

const V6_RANGES: Range[] = [
  v6('fd00:ec2::254/128', 'the cloud metadata address', { always: true }),
  v6('::/128', 'an unspecified address'),
  v6('::1/128', 'a loopback address'),
  v6('::ffff:0:0/96', 'the IPv4-mapped form', { embedsV4At: 0 }),
  v6('64:ff9b::/96', 'the NAT64 form', { embedsV4At: 0 }),
  v6('2002::/16', 'a 6to4 address', { embedsV4At: 80 }),
  v6('::/96', RESERVED),
  v6('64:ff9b:1::/48', PRIVATE),
  v6('fc00::/7', `${PRIVATE} (unique local)`),
  v6('fe80::/10', 'a link-local address'),
  v6('fec0::/10', `${PRIVATE} (site-local)`),
  v6('ff00::/8', 'a multicast address'),
];

const inRange = (value: bigint, bits: number, range: Range) =>
  value >> BigInt(bits - range.prefix) === range.net >> BigInt(bits - range.prefix);

function v4Name(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** Why an IP address is not a public destination (loopback, private, link-local, metadata…), or null. */
export function refusalOf(ip: string): Refusal | null {
  if (isIPv4(ip)) {
    const value = v4Value(ip);
    const range = V4_RANGES.find((r) => inRange(value, 32, r));
    return range ? { what: range.what, always: range.always ?? false } : null;
  }
  if (!isIPv6(ip.split('%')[0] ?? '')) return { what: 'not an IP address', always: true };
  const value = v6Value(ip);
  const range = V6_RANGES.find((r) => inRange(value, 128, r));
  if (!range) return null;
  if (range.embedsV4At !== undefined) {
    const embedded = v4Name((value >> BigInt(range.embedsV4At)) & 0xffffffffn);
    const inner = refusalOf(embedded);
    return inner ? { what: `${range.what} of ${embedded}, ${inner.what}`, always: inner.always } : null;
  }
  return { what: range.what, always: range.always ?? false };
}
