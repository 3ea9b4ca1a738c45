import os from 'node:os';
import path from 'node:path';

/**
 * Environment n8n-core reads when it first loads or first builds its services. Imported before
 * n8n-core by the engine harness; values already set (e.g. `N8N_LOG_LEVEL=debug` to see the
 * engine's logs) win.
 */
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), 'n8n-nodes-line-connector-jest');
// n8n's ErrorReporter logs every node error with its stack; tests assert on errors instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';

// n8n's outbound HTTP honours HTTP(S)_PROXY; the mock servers are local and must be reached directly.
const proxied = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].some(
	(name) => process.env[name],
);
if (proxied) {
	const noProxy = process.env.NO_PROXY ?? process.env.no_proxy ?? '';
	process.env.NO_PROXY = [noProxy, '127.0.0.1', 'localhost'].filter(Boolean).join(',');
}
