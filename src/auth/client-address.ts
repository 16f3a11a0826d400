import { BlockList, isIP } from 'node:net';

/**
 * Which peers are proxies whose X-Forwarded-For is believed (`TRUST_PROXY`). Anyone else could write any
 * address into the header, so for them the socket's peer is the client.
 */
export function trustedProxies(entries: readonly string[] = []): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
function plain(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

function isTrusted(proxies: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket peer, or, while that peer is a trusted proxy, the next address to the
 * left in X-Forwarded-For (the right-most entries were appended by our own proxies; the left-most is
 * whatever the client claimed and is never taken on trust).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | null | undefined,
  proxies: BlockList,
): string {
  let address = plain(peer ?? '') || 'unknown';
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map(plain)
    .filter((hop) => isIP(hop) !== 0);
  while (isTrusted(proxies, address) && hops.length > 0) address = hops.pop()!;
  return address;
}
