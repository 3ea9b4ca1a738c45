import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_DELIVERY, type DeliverySettings } from './delivery';

/**
 * The node's "Delivery" settings: how long a request may take, how often it is tried, how long
 * a rate limit is waited out, and a speed limit. They hold for the whole run of the node.
 */
export function deliveryField(provider: string): INodeProperties {
	return {
		displayName: 'Delivery',
		name: 'delivery',
		type: 'collection',
		placeholder: 'Add Delivery Setting',
		default: {},
		options: [
			{
				displayName: 'Attempts per Request',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 3,
				description: `How often a request is tried when ${provider} answers with a server error or the connection fails. Sends without an idempotency key are repeated only when they certainly did not arrive, so nothing is delivered twice.`,
			},
			{
				displayName: 'Max Wait on Rate Limit (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description: `How long one request may wait in total when ${provider} answers 429 (too many requests) before it fails. The wait follows Retry-After when ${provider} sends it; every request of the run pauses with it.`,
			},
			{
				displayName: 'Request Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'How long to wait for an answer to one request before giving it up',
			},
			{
				displayName: 'Speed Limit',
				name: 'speedLimit',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'At most this many requests per Speed Limit Unit, spread evenly over the whole run (0 for no limit). A request counts once, whatever the number of recipients in it.',
			},
			{
				displayName: 'Speed Limit Unit',
				name: 'speedLimitUnit',
				type: 'options',
				options: [
					{ name: 'Per Second', value: 'second' },
					{ name: 'Per Minute', value: 'minute' },
				],
				default: 'second',
			},
		],
	};
}

/** The delivery settings of this run (read once, from the first item). */
export function readDeliverySettings(fn: IExecuteFunctions): DeliverySettings {
	const raw = fn.getNodeParameter('delivery', 0, {}) as IDataObject;
	const number = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
	const speedLimit = number(raw.speedLimit, 0);
	const period = raw.speedLimitUnit === 'minute' ? 60_000 : 1_000;
	return {
		timeoutMs: Math.max(1, number(raw.timeout, DEFAULT_DELIVERY.timeoutMs / 1000)) * 1000,
		maxAttempts: Math.max(1, Math.floor(number(raw.maxAttempts, DEFAULT_DELIVERY.maxAttempts))),
		maxRateLimitWaitMs:
			number(raw.maxRateLimitWait, DEFAULT_DELIVERY.maxRateLimitWaitMs / 1000) * 1000,
		minIntervalMs: speedLimit > 0 ? period / speedLimit : 0,
	};
}
