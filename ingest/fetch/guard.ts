// The address guard against server-side request forgery. It runs inside the undici connector, so it sees every
// connection: the first request, each redirect hop, robots.txt, and a hostname that resolves differently on a
// second lookup (DNS rebinding). Hostnames are resolved here and private answers dropped before any packet is
// sent; the socket's actual remote address is checked again once connected.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { SkipError } from '../../core/errors.ts';

/** Ranges never fetched unless `allow_private` covers them: loopback, private, link-local, CGNAT, multicast… */
const SPECIAL_V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
// ::/96 holds :: , ::1 and the deprecated IPv4-compatible form; 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) embed
// IPv4 addresses that could point anywhere, so they are refused as well.
const SPECIAL_V6 = [
  '::/96',
  '::1/128',
  '64:ff9b::/96',
  '64:ff9b:1::/48',
  '100::/64',
  '2001:db8::/32',
  '2002::/16',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
];

function subnets(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [addr, prefix] = cidr.split('/');
    const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix);
    // An IPv4 CIDR also covers its IPv4-mapped IPv6 form (BlockList matches those itself).
    list.addSubnet(addr, bits, family);
  }
  return list;
}

const special = (() => {
  const list = subnets(SPECIAL_V4);
  for (const c of SPECIAL_V6) {
    const [a, p] = c.split('/');
    list.addSubnet(a, Number(p), 'ipv6');
  }
  return list;
})();

/** "[::1]" → "::1"; "::ffff:7f00:1" and "::ffff:127.0.0.1" → "127.0.0.1"; anything else unchanged. */
export function normaliseAddress(address: string): string {
  const bare = address
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const dotted =
    /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (dotted) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return bare;
}

export interface AddressPolicy {
  /** true when a connection to this IP address may be made */
  allows(address: string): boolean;
}

/** Public addresses are allowed; special-purpose ones only inside an `allow_private` CIDR. */
export function addressPolicy(allowPrivate: string[] = []): AddressPolicy {
  const allowed = subnets(allowPrivate);
  return {
    allows(address) {
      const a = normaliseAddress(address);
      const family = isIP(a);
      if (!family) return false;
      const type = family === 4 ? 'ipv4' : 'ipv6';
      return !special.check(a, type) || allowed.check(a, type);
    },
  };
}

export function refused(address: string, host: string): SkipError {
  const err = new SkipError(
    'address_refused',
    `address ${address} is private, loopback or link-local and not in allow_private`,
    host,
  );
  (err as { code?: string }).code = 'TRIAGE_ADDRESS_REFUSED';
  return err;
}

/** Resolves every address of a host (injected in tests to simulate rebinding without DNS). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((ok, fail) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? fail(err) : ok(addresses)));
  });

/** A net.connect `lookup` that only ever answers with allowed addresses. */
export function guardedLookup(policy: AddressPolicy, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    const cb = callback as (err: Error | null, address: string | LookupAddress[], family?: number) => void;
    resolve(hostname).then(
      (all) => {
        const wanted =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        const ok = wanted.filter((a) => policy.allows(a.address));
        if (ok.length === 0) return cb(refused(wanted[0]?.address ?? '(none)', hostname), '', 0);
        if (options.all) return cb(null, ok);
        return cb(null, ok[0].address, ok[0].family);
      },
      (err: Error) => cb(err, '', 0),
    );
  };
}
