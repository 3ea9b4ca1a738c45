import type { MessageTypeDefinition } from './types';

/** Placeholder: filled in by the task that builds this type from fields. */
export const cardCarousel: MessageTypeDefinition = {
	type: 'cardCarousel',
	builder: {
		option: { name: 'cardCarousel', description: 'cardCarousel' },
		fields: [],
		read: () => ({}),
	},
};
