import { startNextListOperation } from '../../helpers/pages';

export const getAggregationUnitNameList = startNextListOperation(
	'quota',
	'getAggregationUnitNameList',
	{
		path: '/v2/bot/message/aggregation/list',
		results: (body) => body.customAggregationUnits as string[] | undefined,
		// LINE's largest page of aggregation unit names.
		maxPage: 100,
	},
	(customAggregationUnit) => ({ customAggregationUnit }),
);
