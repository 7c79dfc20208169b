import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { AppError } from '@verity/common';

/** Addresses a fetch on a user's behalf must never reach: this host, private networks, link-local (cloud metadata), multicast, reserved. */
const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 127], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(prefix, bits, 'ipv6');

/** True when `address` (an IP literal) is a public unicast address; an IPv4 address mapped into IPv6 is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6 && /^::ffff:/i.test(address)) return false; // a mapped address in hex form: refused rather than decoded
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface FetchMediaOptions {
  maxBytes: number;
  /** Off in production: tests with a local server opt in (VERITY_MEDIA_URL_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** Which addresses may be reached when private ones are not allowed (tests narrow it to their server). */
  isAllowedAddress?: (address: string) => boolean;
  /** The whole download, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Receives the body as it arrives, in order; a rejection aborts the download. */
  onData: (chunk: Buffer) => Promise<void>;
}

const refuse = (message: string) => new AppError('bad_request', message);

/** Parses a URL a user gave; only http and https, without credentials in it. */
export function parseMediaUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('Give the full address of the recording, starting with https:// or http://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('Only http:// and https:// addresses can be fetched.');
  if (url.username || url.password) throw refuse('Give an address without a user name or password in it.');
  return url;
}

/**
 * Downloads a recording from a URL a user gave, so that it cannot be turned against the server's
 * network (SSRF): every host name is resolved and refused when any address is not public, the address
 * the socket actually connected to is checked again, at most `maxRedirects` redirects are followed
 * (each re-checked), the body stops at `maxBytes` and the whole download at `timeoutMs`. Returns the
 * final URL and the bytes received.
 */
export async function fetchMediaUrl(text: string, options: FetchMediaOptions): Promise<{ url: URL; sizeBytes: number }> {
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const isAllowed = options.allowPrivate ? () => true : (options.isAllowedAddress ?? isPublicAddress);
  let url = parseMediaUrl(text);
  for (let redirects = 0; ; redirects += 1) {
    const result = await fetchOnce(url, options, isAllowed, deadline);
    if ('sizeBytes' in result) return { url, sizeBytes: result.sizeBytes };
    if (redirects >= (options.maxRedirects ?? 3)) throw refuse(`The address redirected more than ${options.maxRedirects ?? 3} times.`);
    url = parseMediaUrl(new URL(result.location, url).href);
  }
}

/** A `lookup` for http(s).request that refuses names resolving to an address that is not public. */
function guardedLookup(isAllowed: (address: string) => boolean): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { all: true, family: lookupOptions.family, hints: lookupOptions.hints }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const bad = addresses.find((entry) => !isAllowed(entry.address));
      if (bad || addresses.length === 0) return callback(refuse(`The address ${hostname} points into a private network; only public addresses can be fetched.`), '', 0);
      if (lookupOptions.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function fetchOnce(url: URL, options: FetchMediaOptions, isAllowed: (address: string) => boolean, deadline: number): Promise<{ sizeBytes: number } | { location: string }> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(refuse('Fetching the recording took too long.'));
    // An IP literal skips `lookup`: check it here.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host) && !isAllowed(host)) return reject(refuse(`The address ${host} is private; only public addresses can be fetched.`));
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { lookup: guardedLookup(isAllowed), headers: { 'user-agent': 'Verity (recording fetch)', accept: 'audio/*, video/*, */*' }, agent: false });
    const timer = setTimeout(() => request.destroy(refuse('Fetching the recording took too long.')), remaining);
    const fail = (error: Error) => {
      clearTimeout(timer);
      request.destroy();
      reject(error instanceof AppError ? error : refuse(`The recording could not be fetched: ${error.message}.`));
    };
    request.on('error', fail);
    request.on('response', (response) => {
      const connected = response.socket.remoteAddress ?? '';
      if (!isAllowed(connected)) return fail(refuse('The address points into a private network; only public addresses can be fetched.'));
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status) && response.headers.location) {
        clearTimeout(timer);
        response.resume();
        request.destroy();
        return resolve({ location: response.headers.location });
      }
      if (status !== 200) return fail(refuse(`The address answered ${status}, not the recording.`));
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (declared > options.maxBytes) return fail(new AppError('payload_too_large', `This recording is larger than the ${Math.round(options.maxBytes / 1048576)} MB limit.`));
      let received = 0;
      let writing = Promise.resolve();
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBytes) return fail(new AppError('payload_too_large', `This recording is larger than the ${Math.round(options.maxBytes / 1048576)} MB limit.`));
        response.pause();
        writing = writing.then(() => options.onData(chunk)).then(() => void response.resume(), fail);
      });
      response.on('aborted', () => fail(refuse('The connection broke before the whole recording arrived.')));
      response.on('end', () => {
        void writing.then(() => {
          clearTimeout(timer);
          if (Number.isFinite(declared) && declared !== received) return reject(refuse('The connection broke before the whole recording arrived.'));
          if (received === 0) return reject(refuse('The address answered with an empty file.'));
          resolve({ sizeBytes: received });
        });
      });
    });
  });
}
