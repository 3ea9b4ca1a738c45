const os = require('node:os');
const path = require('node:path');

// n8n-core writes its config under N8N_USER_FOLDER on import; keep it out of the home folder.
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), 'n8n-nodes-line-connector-jest');

/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Most tests start servers and make real HTTP requests: on a busy machine they can take many
	// times longer than alone, so a timeout means the test is stuck, not that it was slow.
	testTimeout: 120_000,
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
};
