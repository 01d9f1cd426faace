import ipaddr from "ipaddr.js";

/** True when the allow-list is empty or the address is in one of its ranges (PORTAL-3). */
export function ipAllowed(ip: string, allowList: string[]): boolean {
  if (!allowList.length) return true;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(ip);
  } catch {
    return false;
  }
  return allowList.some((entry) => {
    try {
      const [range, bits] = entry.includes("/") ? ipaddr.parseCIDR(entry) : [ipaddr.process(entry), ipaddr.process(entry).kind() === "ipv4" ? 32 : 128];
      const normalized = range.kind() === "ipv6" && (range as ipaddr.IPv6).isIPv4MappedAddress() ? (range as ipaddr.IPv6).toIPv4Address() : range;
      return normalized.kind() === addr.kind() && addr.match(normalized, bits);
    } catch {
      return false;
    }
  });
}

export function isValidCidr(entry: string): boolean {
  try {
    if (entry.includes("/")) ipaddr.parseCIDR(entry);
    else ipaddr.process(entry);
    return true;
  } catch {
    return false;
  }
}
