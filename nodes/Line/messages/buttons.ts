import type { MessageTypeDefinition } from './types';

/** Placeholder: filled in by the task that builds this type from fields. */
export const buttons: MessageTypeDefinition = {
	type: 'buttons',
	builder: {
		option: { name: 'buttons', description: 'buttons' },
		fields: [],
		read: () => ({}),
	},
};
