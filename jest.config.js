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
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
};
