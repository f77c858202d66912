// Serve the mock LinkedIn site over HTTP or HTTPS. Every request is answered
// as if it were for https://www.linkedin.com, whatever Host it names, so a
// browser told to resolve www.linkedin.com to 127.0.0.1 (Firefox's
// network.dns.forceResolve) reaches the mock under LinkedIn's real origin.
//
//   node tests/mock-site/serve.mjs --port 8080 --generation artdeco --count 500
//   node tests/mock-site/serve.mjs --count 10000 --page-size 100 --stall-at 300,900 --stall-ms 20000
//   node tests/mock-site/serve.mjs --fault menuNeedsSecondClick --fault checkpointAfter=3

import http from "node:http";
import https from "node:https";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createMockSite, FAULTS, GENERATIONS } from "./site.mjs";

/** A request body larger than this is no removal: refused rather than buffered. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * @param {object} options
 * @param {{ handle(url: string, request?: { method?: string, body?: string | null }): { status: number, contentType: string, body: string } | null }} options.site
 * @param {number} [options.port] 0 (the default) picks a free port
 * @param {{ key: string | Buffer, cert: string | Buffer } | null} [options.https]
 * @param {string} [options.host] interface to listen on (default 127.0.0.1)
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startMockServer({ site, port = 0, https: tls = null, host = "127.0.0.1" }) {
  const answerWith = (request, response, answer) => {
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

  const respond = (request, response) => {
    const url = `https://www.linkedin.com${request.url}`;
    if (request.method === "GET" || request.method === "HEAD") {
      answerWith(request, response, site.handle(url));
      return;
    }
    if (request.method !== "POST") {
      response.writeHead(405, { allow: "GET, HEAD, POST" }).end();
      return;
    }
    // The mock's own pages POST to it (the remove flow): read the body and
    // let the site answer, 405 included for paths that take no POST.
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        response.writeHead(413).end();
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (response.headersSent) return;
      const body = Buffer.concat(chunks).toString("utf8");
      answerWith(request, response, site.handle(url, { method: "POST", body }));
    });
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

/**
 * `--fault name` or `--fault name=value`: a bare name is `true`, a number is
 * a count, anything else is a word ("unexpected").
 * @param {string[]} specs
 */
function parseFaults(specs) {
  /** @type {Record<string, boolean | number | string>} */
  const faults = {};
  for (const spec of specs) {
    const [name, value] = spec.split("=", 2);
    if (!FAULTS.includes(name)) throw new Error(`--fault must name one of ${FAULTS.join(", ")}`);
    if (value === undefined) faults[name] = true;
    else faults[name] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return faults;
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
      fault: { type: "string", multiple: true, default: [] },
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
    faults: parseFaults(values.fault),
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
