// IPv4 and IPv6 addresses and CIDR blocks, and the subset test behind ISSUBSET / ISSUPERSET.
export interface IpBlock {
  readonly version: 4 | 6;
  readonly address: bigint;
  readonly prefix: number;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseIPv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string | undefined): string[] => (part === undefined || part === '' ? [] : part.split(':'));
  const left = groupsOf(halves[0]);
  const right = groupsOf(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return tailV4 === undefined ? value : (value & ~0xffffffffn) | tailV4;
}

/** Parses "addr" or "addr/prefix" (v4 or v6); a bare address is a single-host block. */
export function parseIpBlock(text: string): IpBlock | undefined {
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const version = addressText.includes(':') ? 6 : 4;
  const address = version === 4 ? parseIPv4(addressText) : parseIPv6(addressText);
  if (address === undefined) return undefined;
  const width = version === 4 ? 32 : 128;
  let prefix = width;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > width) return undefined;
    prefix = Number(prefixText);
  }
  return { version, address, prefix };
}

/** True when every address of `inner` lies in `outer` (host bits of either are ignored). */
export function isSubsetBlock(inner: IpBlock, outer: IpBlock): boolean {
  if (inner.version !== outer.version || inner.prefix < outer.prefix) return false;
  const width = BigInt(inner.version === 4 ? 32 : 128);
  const shift = width - BigInt(outer.prefix);
  return inner.address >> shift === outer.address >> shift;
}
