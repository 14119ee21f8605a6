/**
 * registry.npmjs.org, as n8n's community-package installer reaches it, answered locally. n8n
 * downloads packages from registry.npmjs.org only (another registry needs an n8n licence), and this
 * package is not published yet. So the n8n processes get an HTTP proxy (HTTPS_PROXY, honoured by npm
 * and axios) whose tunnels to registry.npmjs.org end in a TLS server holding a certificate for that
 * name, issued by a CA made for this run (NODE_EXTRA_CA_CERTS); behind it the local registry serves
 * the packed tarball. n8n's installer runs unchanged. Every other host is refused (n8n itself calls
 * api.n8n.io, which an offline machine could not reach either).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { LocalRegistry } from './localRegistry';

const NPMJS = 'registry.npmjs.org';

export interface NpmjsStandIn {
	/** What each n8n process needs in its environment to reach the stand-in for registry.npmjs.org. */
	env: Record<string, string>;
	close(): Promise<void>;
}

function openssl(args: string[], cwd: string) {
	const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
}

/** A CA for this run, and a certificate for registry.npmjs.org that it signed. */
function makeCertificates(folder: string) {
	openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=n8n-nodes-happytalk test CA',
		'-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'], folder);
	openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${NPMJS}`], folder);
	writeFileSync(path.join(folder, 'server.ext'), `subjectAltName=DNS:${NPMJS}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
	openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext'], folder);
	return {
		ca: path.join(folder, 'ca.pem'),
		key: readFileSync(path.join(folder, 'server.key')),
		cert: readFileSync(path.join(folder, 'server.pem')),
	};
}

export async function startNpmjsStandIn(registry: LocalRegistry): Promise<NpmjsStandIn> {
	const folder = mkdtempSync(path.join(tmpdir(), 'happytalk-npmjs-'));
	const { ca, key, cert } = makeCertificates(folder);
	const tls = createHttpsServer({ key, cert }, registry.handle);
	// Tunnelled sockets leave the proxy's own bookkeeping: close() ends them itself.
	const tunnels = new Set<Socket>();

	const proxy: Server = createHttpServer((request, response) => {
		// A plain request through the proxy names the whole URL (axios sends https URLs this way).
		if (new URL(request.url ?? '/', 'http://invalid').host === NPMJS) return registry.handle(request, response);
		response.writeHead(403).end();
	});
	proxy.on('connect', (request, client: Socket, head: Buffer) => {
		if (request.url !== `${NPMJS}:443`) {
			client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		tunnels.add(client);
		client.once('close', () => tunnels.delete(client));
		client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length > 0) client.unshift(head);
		tls.emit('connection', client);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

	return {
		env: {
			HTTPS_PROXY: proxyUrl,
			https_proxy: proxyUrl,
			// The sandbox, n8n's own processes and its task runners stay direct.
			NO_PROXY: '127.0.0.1,localhost',
			no_proxy: '127.0.0.1,localhost',
			// Node (axios) reads the first; npm trusts only its own list unless given the second.
			NODE_EXTRA_CA_CERTS: ca,
			npm_config_cafile: ca,
			// A cache of its own: nothing from an earlier run, nothing left in the user's.
			npm_config_cache: path.join(folder, 'npm-cache'),
		},
		close: async () => {
			for (const socket of tunnels) socket.destroy();
			proxy.closeAllConnections();
			await new Promise((resolve) => proxy.close(resolve));
			rmSync(folder, { recursive: true, force: true });
		},
	};
}
