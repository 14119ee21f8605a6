import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { networkCode } from '../../transport/networkCode';
import { blockedAddressReason } from './addressGuard';
import { MAX_REDIRECTS, type DownloadFailure, type DownloadOptions } from './download.schema';

export type DownloadResult =
	| { ok: true; data: Buffer; mimeType?: string; fileName?: string }
	| { ok: false; failure: DownloadFailure; error: string };

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

interface StreamResponse {
	statusCode: number;
	headers: IDataObject;
	body: AsyncIterable<Buffer> & { destroy(error?: Error): void };
}

/**
 * Fetches one attachment: GET without credentials (a URL from a posted body must never receive
 * HappyTalk's keys), at most `maxSizeMb`, all within `downloadTimeout` (headers and bytes), every
 * redirect target checked by the address guard again. Never throws: a failure is a result that
 * says what failed, so the message it belongs to goes on.
 */
export async function downloadAttachment(
	httpRequest: HttpRequest,
	address: string,
	options: DownloadOptions,
	cancelSignal?: AbortSignal,
): Promise<DownloadResult> {
	const maxBytes = options.maxSizeMb * 1024 * 1024;
	const deadline = AbortSignal.timeout(options.downloadTimeout);
	const signal = cancelSignal ? AbortSignal.any([deadline, cancelSignal]) : deadline;
	const timedOut = (): DownloadResult => ({
		ok: false,
		failure: 'timedOut',
		error: `The download did not finish within ${options.downloadTimeout} ms (raise "Download Timeout (Ms)")`,
	});
	let url = parseUrl(address);
	for (let redirects = 0; ; redirects++) {
		if (typeof url === 'string') return { ok: false, failure: 'invalidUrl', error: url };
		const blocked = options.allowPrivateAddresses ? undefined : blockedAddressReason(url);
		if (blocked) {
			return {
				ok: false,
				failure: 'blockedAddress',
				error: `Not downloaded: ${shown(url)} is ${blocked}. Such URLs are fetched only with "Allow Private Network Addresses" on.`,
			};
		}
		let response: StreamResponse;
		try {
			response = (await httpRequest({
				method: 'GET',
				url: url.href,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: options.downloadTimeout,
				abortSignal: signal,
			})) as StreamResponse;
		} catch (error) {
			if (deadline.aborted) return timedOut();
			return { ok: false, failure: 'networkError', error: `Could not download from ${shown(url)}: ${networkCode(error) ?? 'the connection failed'}` };
		}
		const { statusCode, headers } = response;
		if (statusCode >= 300 && statusCode < 400 && typeof headers.location === 'string') {
			response.body.destroy();
			if (redirects >= MAX_REDIRECTS) {
				return { ok: false, failure: 'tooManyRedirects', error: `More than ${MAX_REDIRECTS} redirects from ${shown(url)}` };
			}
			url = parseUrl(headers.location, url);
			continue;
		}
		if (statusCode < 200 || statusCode > 299) {
			response.body.destroy();
			return { ok: false, failure: 'httpStatus', error: `${shown(url)} answered HTTP ${statusCode}` };
		}
		const declared = Number(headers['content-length']);
		if (Number.isFinite(declared) && declared > maxBytes) {
			response.body.destroy();
			return tooLarge(options, declared);
		}
		const body = await readCapped(response.body, maxBytes, signal);
		if (body === 'tooLarge') return tooLarge(options);
		if (body === 'failed') return deadline.aborted ? timedOut() : { ok: false, failure: 'networkError', error: `The download from ${shown(url)} broke off` };
		return { ok: true, data: body, mimeType: mimeTypeOf(headers['content-type']), fileName: fileNameOf(headers['content-disposition']) };
	}
}

async function readCapped(
	stream: StreamResponse['body'],
	maxBytes: number,
	signal: AbortSignal,
): Promise<Buffer | 'tooLarge' | 'failed'> {
	const stop = () => stream.destroy(new Error('aborted'));
	signal.addEventListener('abort', stop, { once: true });
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			size += chunk.length;
			// Stop reading at the cap: a file with no or a false Content-Length cannot fill memory.
			if (size > maxBytes) {
				stream.destroy();
				return 'tooLarge';
			}
			chunks.push(chunk);
		}
		return signal.aborted ? 'failed' : Buffer.concat(chunks);
	} catch {
		return 'failed';
	} finally {
		signal.removeEventListener('abort', stop);
	}
}

function tooLarge(options: DownloadOptions, bytes?: number): DownloadResult {
	return {
		ok: false,
		failure: 'tooLarge',
		error: `The file is larger than ${options.maxSizeMb} MB${bytes === undefined ? '' : ` (${bytes} bytes)`} (raise "Max File Size (MB)")`,
	};
}

function parseUrl(text: string, base?: URL): URL | string {
	let url: URL;
	try {
		url = new URL(text, base);
	} catch {
		return `Not a URL: "${String(text).slice(0, 80)}"`;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Only http:// and https:// URLs are downloaded, not ${url.protocol}`;
	return url;
}

/** Where a URL points, for messages: its origin only, never a user name or password in it. */
function shown(url: URL): string {
	return url.origin;
}

function mimeTypeOf(header: unknown): string | undefined {
	const type = typeof header === 'string' ? header.split(';')[0].trim().toLowerCase() : '';
	// A generic type says nothing: n8n then guesses from the file name.
	return type === '' || type === 'application/octet-stream' ? undefined : type;
}

function fileNameOf(header: unknown): string | undefined {
	if (typeof header !== 'string') return undefined;
	const encoded = /filename\*\s*=\s*(?:utf-8|UTF-8)''([^;]+)/.exec(header)?.[1];
	if (encoded) {
		try {
			return decodeURIComponent(encoded.trim());
		} catch {
			// fall through to the plain form
		}
	}
	return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim();
}
