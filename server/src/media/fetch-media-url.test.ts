import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMediaUrl, isPublicAddress, parseMediaUrl } from './fetch-media-url.ts';

const body = Buffer.alloc(100_000, 7);
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const hops = /^\/hop\/(\d+)$/.exec(req.url ?? '');
    if (hops) {
      const left = Number(hops[1]);
      res.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/file.mp3' }).end();
    } else if (req.url === '/file.mp3') res.writeHead(200, { 'content-length': body.length }).end(body);
    else if (req.url === '/chunked') {
      res.writeHead(200);
      res.write(body);
      res.end(body);
    } else if (req.url === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else if (req.url === '/stall') res.writeHead(200, { 'content-length': body.length }).write(body.subarray(0, 10));
    else if (req.url === '/short') {
      res.writeHead(200, { 'content-length': body.length }).write(body.subarray(0, 10));
      setTimeout(() => res.destroy(), 50);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Fetches into memory; `allowPrivate` as a test server needs unless said otherwise. */
async function fetchAll(url: string, options: { allowPrivate?: boolean; isAllowedAddress?: (address: string) => boolean; maxBytes?: number; timeoutMs?: number } = {}) {
  const chunks: Buffer[] = [];
  const result = await fetchMediaUrl(url, { allowPrivate: options.allowPrivate ?? true, isAllowedAddress: options.isAllowedAddress, maxBytes: options.maxBytes ?? 1_000_000, timeoutMs: options.timeoutMs, onData: async (chunk) => void chunks.push(chunk) });
  return { ...result, bytes: Buffer.concat(chunks) };
}

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, multicast and reserved addresses, also inside IPv6', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', 'not-an-ip']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(address), address).toBe(true);
  });
});

describe('fetchMediaUrl', () => {
  it('refuses what is not an http(s) address, or carries credentials', () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/a.mp3', 'gopher://x', 'javascript:alert(1)', 'not a url', 'https://user:secret@example.com/a.mp3']) {
      expect(() => parseMediaUrl(url), url).toThrow();
    }
  });

  it('refuses this machine and private networks by default: IP literals, and names that resolve there', async () => {
    for (const url of [`${base}/file.mp3`, base.replace('127.0.0.1', 'localhost') + '/file.mp3', 'http://[::1]:9/a.mp3', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/a.mp3']) {
      await expect(fetchAll(url, { allowPrivate: false }), url).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/private/) });
    }
  });

  it('downloads the body when private addresses are allowed (tests), following up to 3 redirects', async () => {
    const direct = await fetchAll(`${base}/file.mp3`);
    expect(direct.sizeBytes).toBe(body.length);
    expect(direct.bytes.equals(body)).toBe(true);
    const redirected = await fetchAll(`${base}/hop/2`);
    expect(redirected.url.pathname).toBe('/file.mp3');
    expect(redirected.bytes.equals(body)).toBe(true);
    await expect(fetchAll(`${base}/hop/3`)).rejects.toMatchObject({ message: /redirected more than 3 times/ });
  });

  it('re-checks each redirect: to a file: URL refused; to the metadata address refused unless private is allowed', async () => {
    await expect(fetchAll(`${base}/to-file`)).rejects.toMatchObject({ message: /Only http/ });
    // Only the test server's own address is let through: the guard judges where each redirect goes.
    const onlyTestServer = { allowPrivate: false, isAllowedAddress: (address: string) => address === '127.0.0.1' };
    expect((await fetchAll(`${base}/hop/1`, onlyTestServer)).bytes.equals(body)).toBe(true);
    await expect(fetchAll(`${base}/to-metadata`, onlyTestServer)).rejects.toMatchObject({ message: /169\.254\.169\.254 is private/ });
  });

  it('stops at the size limit, declared or streamed, and at the time limit; a cut-off body is refused', async () => {
    await expect(fetchAll(`${base}/file.mp3`, { maxBytes: 50_000 })).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(fetchAll(`${base}/chunked`, { maxBytes: 150_000 })).rejects.toMatchObject({ code: 'payload_too_large' });
    expect((await fetchAll(`${base}/chunked`)).sizeBytes).toBe(2 * body.length);
    await expect(fetchAll(`${base}/stall`, { timeoutMs: 300 })).rejects.toMatchObject({ message: /took too long/ });
    await expect(fetchAll(`${base}/short`)).rejects.toMatchObject({ message: /broke before the whole recording/ });
    await expect(fetchAll(`${base}/missing.mp3`)).rejects.toMatchObject({ message: /answered 404/ });
  });
});
