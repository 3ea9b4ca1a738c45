import { defineAction } from './types';

export const cameraRoll = defineAction({
	type: 'cameraRoll',
	option: { name: 'Camera Roll', description: 'Opens the photo library' },
	check: () => {},
	onlyIn: 'quick reply buttons',
});
