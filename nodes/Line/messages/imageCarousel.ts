import type { MessageTypeDefinition } from './types';

/** Placeholder: filled in by the task that builds this type from fields. */
export const imageCarousel: MessageTypeDefinition = {
	type: 'imageCarousel',
	builder: {
		option: { name: 'imageCarousel', description: 'imageCarousel' },
		fields: [],
		read: () => ({}),
	},
};
