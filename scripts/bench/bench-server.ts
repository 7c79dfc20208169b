import type { ChildProcess } from 'node:child_process';

/** Waits until the server child answers /healthz (a fresh embedded database can take a while), or fails if it exits. */
export async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not become healthy within 120 s');
}

/** Stops the server child gracefully, then by force after 20 s. */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => {
    // Its own process group (detached): takes the embedded Postgres with it.
    if (server.exitCode === null && server.pid !== undefined) process.kill(-server.pid, 'SIGKILL');
  }, 20_000);
  await exited;
  clearTimeout(timer);
}
