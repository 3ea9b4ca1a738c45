import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal, fast stand-in for LINE's push and multicast endpoints on 127.0.0.1, for benchmarks
 * only (test/support/mockLine.ts validates requests against the OpenAPI document and is too slow
 * to sit under a benchmark). It still checks what matters for an honest measurement: the bearer
 * token, that the body is JSON with recipients and messages, and it counts requests and
 * recipients so the driver can check that every item really went over the wire.
 */

export const BENCH_TOKEN = 'bench-channel-access-token';

export interface ServerStats {
	requests: number;
	recipients: number;
	/** Requests refused (wrong token, bad body, unknown path). */
	refused: number;
	/** Distinct TCP connections opened by clients. */
	connections: number;
}

export interface BenchServer {
	url: string;
	stats: ServerStats;
	reset(): void;
	close(): Promise<void>;
}

const PUSH_RESPONSE = JSON.stringify({ sentMessages: [{ id: '1', quoteToken: 'q' }] });
const EMPTY_RESPONSE = '{}';
const AUTHORIZATION = `Bearer ${BENCH_TOKEN}`;

export async function startBenchServer(): Promise<BenchServer> {
	const stats: ServerStats = { requests: 0, recipients: 0, refused: 0, connections: 0 };
	let requestCounter = 0;

	const refuse = (res: http.ServerResponse, status: number, message: string) => {
		stats.refused++;
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ message }));
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			if (req.headers.authorization !== AUTHORIZATION) return refuse(res, 401, 'Authentication failed');
			const push = req.url === '/v2/bot/message/push';
			if (req.method !== 'POST' || (!push && req.url !== '/v2/bot/message/multicast')) {
				return refuse(res, 404, 'Not found');
			}
			let body: { to?: unknown; messages?: unknown };
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				return refuse(res, 400, 'The request body has 1 error(s)');
			}
			const recipients = push ? (typeof body.to === 'string' ? 1 : 0) : Array.isArray(body.to) ? body.to.length : 0;
			if (recipients === 0 || !Array.isArray(body.messages) || body.messages.length === 0) {
				return refuse(res, 400, 'The request body has 1 error(s)');
			}
			stats.requests++;
			stats.recipients += recipients;
			const payload = push ? PUSH_RESPONSE : EMPTY_RESPONSE;
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(payload),
				'x-line-request-id': `req-${++requestCounter}`,
			});
			res.end(payload);
		});
	});
	server.on('connection', () => stats.connections++);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		stats,
		reset() {
			stats.requests = 0;
			stats.recipients = 0;
			stats.refused = 0;
			stats.connections = 0;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
