import type { INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { asNumber, asText, compact } from '../helpers/fieldValues';
import { checkString } from '../helpers/fieldChecks';
import type { MessageTypeDefinition } from './types';

function coordinateField(displayName: string, name: string, limit: number): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		typeOptions: { numberPrecision: 7 },
		required: true,
		default: 0,
		description: `${displayName} of the place in degrees, from -${limit} to ${limit}`,
	};
}

function checkCoordinate(value: unknown, field: string, limit: number): void {
	if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit) return;
	fail(field, `is ${describeValue(value)}; expected a number from -${limit} to ${limit}`);
}

export const location: MessageTypeDefinition = {
	type: 'location',
	builder: {
		option: { name: 'Location', description: 'A place on a map' },
		fields: [
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				required: true,
				default: '',
				description: 'Name of the place, up to 100 characters',
			},
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				required: true,
				default: '',
				description: 'Address of the place, up to 100 characters',
			},
			coordinateField('Latitude', 'latitude', 90),
			coordinateField('Longitude', 'longitude', 180),
		],
		read: (fields) =>
			compact({
				type: 'location',
				title: asText(fields.title),
				address: asText(fields.address),
				latitude: asNumber(fields.latitude),
				longitude: asNumber(fields.longitude),
			}),
	},
	check: (message, field) => {
		checkString(message.title, `${field}.title`, { max: 100 });
		checkString(message.address, `${field}.address`, { max: 100 });
		checkCoordinate(message.latitude, `${field}.latitude`, 90);
		checkCoordinate(message.longitude, `${field}.longitude`, 180);
	},
};
