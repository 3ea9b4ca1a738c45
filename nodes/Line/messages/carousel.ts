import type { MessageTypeDefinition } from './types';

/** Placeholder: filled in by the task that builds this type from fields. */
export const carousel: MessageTypeDefinition = {
	type: 'carousel',
	builder: {
		option: { name: 'carousel', description: 'carousel' },
		fields: [],
		read: () => ({}),
	},
};
