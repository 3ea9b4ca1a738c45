import { defineAction } from './types';

export const camera = defineAction({
	type: 'camera',
	option: { name: 'Camera', description: 'Opens the camera' },
	check: () => {},
	onlyIn: 'quick reply buttons',
});
