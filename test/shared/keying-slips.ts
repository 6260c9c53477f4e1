/** Every slip of the fingers one keying can make in an SSID: each single-digit change and each swap of two adjacent, different digits. */
export function keyingSlips(ssid: string): string[] {
  const slips: string[] = [];
  for (let i = 0; i < ssid.length; i++) {
    for (const digit of '0123456789') {
      if (digit !== ssid[i]) slips.push(ssid.slice(0, i) + digit + ssid.slice(i + 1));
    }
    if (i + 1 < ssid.length && ssid[i] !== ssid[i + 1]) slips.push(ssid.slice(0, i) + ssid[i + 1] + ssid[i] + ssid.slice(i + 2));
  }
  return slips;
}
