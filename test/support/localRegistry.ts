/**
 * The smallest npm registry that npm and n8n's community-package installer accept: one package,
 * one version, served from a tarball made by `npm pack`. Stands in for registry.npmjs.org (which
 * tests must not reach) so n8n's own installer can be run for real.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';

export interface LocalRegistry {
	url: string;
	/** What npm writes as `dist.integrity`: the pin an admin puts in N8N_COMMUNITY_PACKAGES. */
	integrity: string;
	/** Every path the registry was asked for, in order. */
	requests: string[];
	/** Answers one request: what the server does, for a front that terminates TLS itself. */
	handle(request: IncomingMessage, response: ServerResponse): void;
	close(): Promise<void>;
}

export async function startLocalRegistry(tarballPath: string): Promise<LocalRegistry> {
	const tarball = readFileSync(tarballPath);
	const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarballPath, 'package/package.json'], { encoding: 'utf8' }).stdout);
	const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
	const shasum = createHash('sha1').update(tarball).digest('hex');
	const requests: string[] = [];
	let url = '';
	const tarballName = `${manifest.name}-${manifest.version}.tgz`;
	// The tarball's address is the one the request came to, so npm fetches it the same way.
	const versionDocument = (base: string) => ({
		...manifest,
		_id: `${manifest.name}@${manifest.version}`,
		dist: { tarball: `${base}/${manifest.name}/-/${tarballName}`, integrity, shasum },
	});

	const handle = (request: IncomingMessage, response: ServerResponse) => {
		const base = (request.socket as TLSSocket).encrypted ? `https://${request.headers.host}` : url;
		// Through a plain HTTP proxy a request names the whole URL (axios does so for https too).
		const requestPath = decodeURIComponent(new URL(request.url ?? '/', base).pathname);
		requests.push(requestPath);
		const json = (body: unknown) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		if (requestPath === `/${manifest.name}`) {
			return json({
				_id: manifest.name,
				name: manifest.name,
				'dist-tags': { latest: manifest.version },
				versions: { [manifest.version]: versionDocument(base) },
			});
		}
		if (requestPath === `/${manifest.name}/${manifest.version}` || requestPath === `/${manifest.name}/latest`) {
			return json(versionDocument(base));
		}
		if (requestPath === `/${manifest.name}/-/${tarballName}`) {
			response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length });
			return response.end(tarball);
		}
		response.writeHead(404, { 'content-type': 'application/json' });
		response.end(JSON.stringify({ error: 'Not found' }));
	};
	const server: Server = createServer(handle);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		integrity,
		requests,
		handle,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
