import { InputError } from '../../../shared/errors';
import { klinkDateTime, isTimeZone, selectedDate } from '../../helpers/dates';
import { readText } from '../../helpers/inputs';
import { listOperation } from '../operations';

export const DEFAULT_TIME_ZONE = 'Asia/Bangkok';

export const getAll = listOperation({
	resource: 'cxLog',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/cx-logs' },
	properties: [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Start of the range, on the clock of the time zone below. A date without a time starts at 00:00:00.',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'End of the range, on the clock of the time zone below. A date without a time ends at 23:59:59.',
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: DEFAULT_TIME_ZONE,
			placeholder: 'Asia/Bangkok',
			description:
				'IANA time zone klink.cloud reads the range in (sent as the x-client-timezone header), e.g. Asia/Bangkok, Asia/Jakarta, Asia/Tokyo',
		},
	],
	read: (params, itemIndex) => {
		const timeZone = readText(params, 'timeZone', itemIndex);
		if (!isTimeZone(timeZone)) {
			throw new InputError(
				'timeZone',
				`"${timeZone}" is not a time zone`,
				'Use an IANA time zone name such as Asia/Bangkok.',
			);
		}
		const start = klinkDateTime(params.get('startDate', itemIndex), 'startDate', timeZone);
		const end = klinkDateTime(params.get('endDate', itemIndex), 'endDate', timeZone, true);
		return {
			qs: { selectedDate: selectedDate(start, end) },
			headers: { 'x-client-timezone': timeZone },
		};
	},
});
