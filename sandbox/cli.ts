import { parseArgs } from 'node:util';

import { DEFAULT_SANDBOX_CHANNEL, startSandbox } from './index';

/** `npm run sandbox -- [options]`: starts the LINE sandbox and says what to put into n8n. */

const HELP = `LINE sandbox: stands in for the LINE platform, for trying the nodes in n8n without a LINE account.

Options (or environment variables):
  --port <n>             LINE_SANDBOX_PORT            default 8790
  --host <address>       LINE_SANDBOX_HOST            default 127.0.0.1 (0.0.0.0 when n8n runs in Docker)
  --webhook-url <url>    LINE_SANDBOX_WEBHOOK_URL     where events go (a LINE Trigger can set it itself)
  --channel-id <id>      LINE_SANDBOX_CHANNEL_ID      default ${DEFAULT_SANDBOX_CHANNEL.id}
  --channel-secret <s>   LINE_SANDBOX_CHANNEL_SECRET  default ${DEFAULT_SANDBOX_CHANNEL.secret}
  --access-token <t>     LINE_SANDBOX_ACCESS_TOKEN    default ${DEFAULT_SANDBOX_CHANNEL.accessToken}
  --openapi-dir <dir>    LINE_OPENAPI_DIR             default ../shared/line-openapi
  --rate-limit <n>       LINE_SANDBOX_RATE_LIMIT      message sends per second before 429 (default: none)
  --quiet                                             do not print each request
  --help
`;

function options() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			'webhook-url': { type: 'string' },
			'channel-id': { type: 'string' },
			'channel-secret': { type: 'string' },
			'access-token': { type: 'string' },
			'openapi-dir': { type: 'string' },
			'rate-limit': { type: 'string' },
			quiet: { type: 'boolean' },
			help: { type: 'boolean' },
		},
	});
	const env = process.env;
	const port = Number(values.port ?? env.LINE_SANDBOX_PORT ?? 8790);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`--port: not a port number (${values.port ?? env.LINE_SANDBOX_PORT})`);
	}
	const rateLimit = values['rate-limit'] ?? env.LINE_SANDBOX_RATE_LIMIT;
	const rateLimitPerSecond = rateLimit === undefined ? undefined : Number(rateLimit);
	if (rateLimitPerSecond !== undefined && !(rateLimitPerSecond > 0)) {
		throw new Error(`--rate-limit: not a number of sends per second (${rateLimit})`);
	}
	return {
		help: values.help === true,
		rateLimitPerSecond,
		quiet: values.quiet === true,
		port,
		host: values.host ?? env.LINE_SANDBOX_HOST,
		webhookUrl: values['webhook-url'] ?? env.LINE_SANDBOX_WEBHOOK_URL,
		channelId: values['channel-id'] ?? env.LINE_SANDBOX_CHANNEL_ID,
		channelSecret: values['channel-secret'] ?? env.LINE_SANDBOX_CHANNEL_SECRET,
		channelAccessToken: values['access-token'] ?? env.LINE_SANDBOX_ACCESS_TOKEN,
		openApiDir: values['openapi-dir'],
	};
}

async function main(): Promise<void> {
	const { help, quiet, ...settings } = options();
	if (help) {
		process.stdout.write(HELP);
		return;
	}
	const time = () => new Date().toTimeString().slice(0, 8);
	const sandbox = await startSandbox({
		...settings,
		log: quiet ? undefined : (line) => console.log(`${time()}  ${line}`),
	});
	console.log(`LINE sandbox is running.

  Chat page          ${sandbox.chatUrl}

  In n8n, create a "LINE Channel Access Token API" or "LINE Channel ID and Secret API" credential:
  API Base URL       ${sandbox.url}
  Data API Base URL  ${sandbox.url}
  Channel ID         ${sandbox.channel.id}
  Channel Secret     ${sandbox.channel.secret}
  Channel Access Token  ${sandbox.channel.accessToken}
  Assertion Key ID   ${sandbox.assertionKey.kid}
  Assertion Private Key (JWK)  ${JSON.stringify(sandbox.assertionKey.privateJwk)}

  Webhook URL        ${sandbox.webhookUrl ?? '(none yet: activate a LINE Trigger with "Register Webhook URL With LINE", or pass --webhook-url)'}

Press Ctrl+C to stop.
`);
	const stop = () => {
		sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: NodeJS.ErrnoException) => {
	const hint = error.code === 'EADDRINUSE' ? ' (another port: --port <n>)' : '';
	console.error(`LINE sandbox: ${error.message}${hint}`);
	process.exit(1);
});
