import type { MessageTypeDefinition } from './types';

/** Placeholder: filled in by the task that builds this type from fields. */
export const confirm: MessageTypeDefinition = {
	type: 'confirm',
	builder: {
		option: { name: 'confirm', description: 'confirm' },
		fields: [],
		read: () => ({}),
	},
};
