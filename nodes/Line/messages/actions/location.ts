import { defineAction } from './types';

export const location = defineAction({
	type: 'location',
	option: { name: 'Location', description: 'Opens the location screen' },
	check: () => {},
	onlyIn: 'quick reply buttons',
});
