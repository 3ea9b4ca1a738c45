/** The people and chats the sandbox starts with. */

export interface Person {
	userId: string;
	displayName: string;
	statusMessage?: string;
	language?: string;
}

export const SANDBOX_BOT = {
	userId: 'Ua0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
	basicId: '@sandbox',
	displayName: 'LINE Sandbox Bot',
};

export const SANDBOX_USERS: Person[] = [
	{
		userId: 'U7f1c2a9e4b3d5c6e8f90a1b2c3d4e5f6',
		displayName: 'Aiko Tanaka',
		statusMessage: 'Trying out the bot',
		language: 'ja',
	},
	{
		userId: 'U2b8e6f0a9c1d3e5f7a9b0c2d4e6f8a1b',
		displayName: 'Ben Walker',
		statusMessage: 'Hello from the sandbox',
		language: 'en',
	},
	{ userId: 'U9d4a7e2c5b8f1a3d6c9e0b2f4a7d1c8e', displayName: 'Chai Srisuk', language: 'th' },
];

const [AIKO, BEN, CHAI] = SANDBOX_USERS.map((person) => person.userId);

export const SANDBOX_GROUP = {
	id: 'Cf3a9b2c7d1e4f6a8b0c2d5e7f9a1b3c4',
	name: 'Weekend hikers',
	members: [AIKO, BEN, CHAI],
};

/** A multi-person chat: LINE gives rooms no name, the sandbox names it after its members. */
export const SANDBOX_ROOM = {
	id: 'R5c8e1a4d7b0f3a6c9e2d5b8f1a4c7e0d',
	name: 'Aiko, Ben',
	members: [AIKO, BEN],
};
