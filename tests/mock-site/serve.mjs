// Serve the mock LinkedIn site over HTTP or HTTPS. Every request is answered
// as if it were for https://www.linkedin.com, whatever Host it names, so a
// browser told to resolve www.linkedin.com to 127.0.0.1 (Firefox's
// network.dns.forceResolve) reaches the mock under LinkedIn's real origin.
//
//   node tests/mock-site/serve.mjs --port 8080 --generation artdeco --count 500
//   node tests/mock-site/serve.mjs --count 10000 --page-size 100 --stall-at 300,900 --stall-ms 20000

import http from "node:http";
import https from "node:https";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createMockSite, GENERATIONS } from "./site.mjs";

/**
 * @param {object} options
 * @param {{ handle(url: string): { status: number, contentType: string, body: string } | null }} options.site
 * @param {number} [options.port] 0 (the default) picks a free port
 * @param {{ key: string | Buffer, cert: string | Buffer } | null} [options.https]
 * @param {string} [options.host] interface to listen on (default 127.0.0.1)
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startMockServer({ site, port = 0, https: tls = null, host = "127.0.0.1" }) {
  const respond = (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const answer = site.handle(`https://www.linkedin.com${request.url}`);
    if (!answer) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const body = Buffer.from(answer.body, "utf8");
    response.writeHead(answer.status, {
      "content-type": answer.contentType,
      "content-length": body.length,
      "cache-control": "no-store",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  };

  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, respond)
    : http.createServer(respond);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  return {
    url: `${tls ? "https" : "http"}://${hostForUrl}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      generation: { type: "string", default: "sdui-2026" },
      count: { type: "string", default: "40" },
      seed: { type: "string", default: "1" },
      paging: { type: "string", default: "scroll" },
      "page-size": { type: "string" },
      "stall-at": { type: "string", default: "" },
      "stall-ms": { type: "string", default: "3000" },
      unrecognised: { type: "boolean", default: false },
    },
  });
  if (!GENERATIONS.includes(values.generation)) {
    throw new Error(`--generation must be one of ${GENERATIONS.join(", ")}`);
  }
  const site = createMockSite({
    generation: /** @type {any} */ (values.generation),
    count: Number(values.count),
    seed: Number(values.seed),
    paging: /** @type {any} */ (values.paging),
    pageSize: values["page-size"] === undefined ? undefined : Number(values["page-size"]),
    stallAt: values["stall-at"] === "" ? [] : values["stall-at"].split(",").map(Number),
    stallMs: Number(values["stall-ms"]),
    unrecognised: values.unrecognised,
  });
  const server = await startMockServer({ site, port: Number(values.port), host: values.host });
  console.log(`mock LinkedIn (${values.generation}, ${values.count} people) at ${server.url}`);
  console.log(`  ${server.url}/mynetwork/invite-connect/connections/`);
  console.log(`  ${server.url}${site.member.profilePath}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
