import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['insight'], operation: ['getFriendsDemographics'] } };

/** LINE's lists of the answer and the key that names the segment in each of their entries. */
const ATTRIBUTES = {
	genders: 'gender',
	ages: 'age',
	areas: 'area',
	appTypes: 'appType',
	subscriptionPeriods: 'subscriptionPeriod',
} as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'lists',
		options: [
			{
				name: 'One Item per Segment',
				value: 'segments',
				description:
					'One item per gender, age group, area, OS and friendship length, e.g. { attribute: "gender", value: "male", percentage: 31.8 }: ready for a sheet or a chart',
			},
			{
				name: 'One Item with All Lists',
				value: 'lists',
				description:
					"LINE's answer: available, and the lists genders, ages, areas, appTypes and subscriptionPeriods, each entry with its percentage",
			},
		],
		description:
			"How to output the demographics. When LINE has none (available is false: too few friends, or an account not from Japan, Thailand, Taiwan or Indonesia), either gives one item with LINE's answer.",
	},
];

/** LINE's lists as rows: { attribute, value, percentage }, in LINE's order. */
export function demographicSegments(body: IDataObject): IDataObject[] {
	return Object.entries(ATTRIBUTES).flatMap(([list, key]) => {
		const entries = Array.isArray(body[list]) ? (body[list] as IDataObject[]) : [];
		return entries.map((entry) => ({
			attribute: key,
			value: entry[key] ?? null,
			percentage: entry.percentage ?? null,
		}));
	});
}

export const getFriendsDemographics: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const output = params.get<string>('output', itemIndex, 'lists');
				if (output !== 'lists' && output !== 'segments') {
					fail('output', `is ${describeValue(output)}; expected "lists" or "segments"`);
				}
				return output;
			},
			send: async (output, itemIndex) => {
				const { body } = await client.request(
					{ method: 'GET', path: '/v2/bot/insight/demographic' },
					itemIndex,
				);
				if (output !== 'segments' || body.available !== true) return body;
				const segments = demographicSegments(body);
				return segments.length > 0 ? segments : body;
			},
		});
	},
};
