import type { MessageTypeDefinition } from './types';

/** Placeholder: filled in by the task that builds this type from fields. */
export const card: MessageTypeDefinition = {
	type: 'card',
	builder: {
		option: { name: 'card', description: 'card' },
		fields: [],
		read: () => ({}),
	},
};
